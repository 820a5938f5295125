/**
 * The smallest and largest value a variable can take under linear equations and bounds: a small dense
 * simplex (Bland's rule, so it cannot cycle). Sized for statistics tables, tens of variables; the equations
 * of a table with margins have integral vertices, so the bounds found are whole numbers.
 */
export interface LinearSystem {
  /** Each equation: coefficients per variable (sparse) = rhs. */
  equations: { terms: [variable: number, coefficient: number][]; rhs: number }[];
  lower: number[];
  /** `Infinity` for no upper bound. */
  upper: number[];
}

const EPS = 1e-9;

/** Min and max of `variable`, or null when the system has no solution at all. */
export function boundsOf(system: LinearSystem, variable: number): { min: number; max: number } | null {
  const max = optimise(system, variable, 1);
  if (max === null) return null;
  const min = optimise(system, variable, -1);
  if (min === null) return null;
  return { min: -min, max };
}

/** max sign·x[variable]; null if infeasible; Infinity if unbounded. */
function optimise(system: LinearSystem, variable: number, sign: 1 | -1): number | null {
  const n = system.lower.length;
  // Shift every variable to y = x − lower ≥ 0, and give each finite upper bound its own row y + s = u − l.
  const rows: { coef: Map<number, number>; rhs: number }[] = [];
  for (const eq of system.equations) {
    const coef = new Map<number, number>();
    let rhs = eq.rhs;
    for (const [v, a] of eq.terms) {
      coef.set(v, (coef.get(v) ?? 0) + a);
      rhs -= a * system.lower[v]!;
    }
    rows.push({ coef, rhs });
  }
  let slack = n;
  for (let v = 0; v < n; v++) {
    if (Number.isFinite(system.upper[v]!)) {
      rows.push({
        coef: new Map([
          [v, 1],
          [slack, 1],
        ]),
        rhs: system.upper[v]! - system.lower[v]!,
      });
      slack++;
    }
  }
  const structural = slack; // variables and slacks
  const m = rows.length;
  const width = structural + m + 1; // + one artificial per row, + rhs
  const t: number[][] = rows.map((row, i) => {
    const line = new Array<number>(width).fill(0);
    const flip = row.rhs < 0 ? -1 : 1;
    for (const [v, a] of row.coef) line[v] = a * flip;
    line[structural + i] = 1;
    line[width - 1] = row.rhs * flip;
    return line;
  });
  const basis = rows.map((_, i) => structural + i);

  // Phase I: drive the artificials out (maximise −Σ artificials).
  const phase1 = new Array<number>(width).fill(0);
  for (let i = 0; i < m; i++) phase1[structural + i] = -1;
  if (!run(t, basis, phase1, width)) return Infinity;
  const artificialSum = basis.reduce((s, b, i) => (b >= structural ? s + t[i]![width - 1]! : s), 0);
  if (artificialSum > 1e-7) return null;
  // Remove artificials still in the basis at zero by pivoting on any structural column.
  for (let i = 0; i < m; i++) {
    if (basis[i]! < structural) continue;
    const col = t[i]!.findIndex((a, j) => j < structural && Math.abs(a) > EPS);
    if (col >= 0) pivot(t, basis, i, col, width);
  }
  // Phase II over structural columns only.
  for (const line of t) for (let j = structural; j < width - 1; j++) line[j] = 0;
  const objective = new Array<number>(width).fill(0);
  objective[variable] = sign;
  if (!run(t, basis, objective, width, structural)) return Infinity;
  const row = basis.indexOf(variable);
  const y = row >= 0 ? t[row]![width - 1]! : 0;
  return sign * (y + system.lower[variable]!);
}

/** Simplex iterations maximising `objective`; false when unbounded. */
function run(t: number[][], basis: number[], objective: number[], width: number, columns = width - 1): boolean {
  for (let guard = 0; guard < 10_000; guard++) {
    // Reduced cost of column j: c_j − Σ c_B · a_ij; Bland: the first improving column enters.
    let entering = -1;
    for (let j = 0; j < columns; j++) {
      if (basis.includes(j)) continue;
      let reduced = objective[j]!;
      for (let i = 0; i < t.length; i++) reduced -= objective[basis[i]!]! * t[i]![j]!;
      if (reduced > EPS) {
        entering = j;
        break;
      }
    }
    if (entering < 0) return true;
    let leaving = -1;
    let best = Infinity;
    for (let i = 0; i < t.length; i++) {
      const a = t[i]![entering]!;
      if (a <= EPS) continue;
      const ratio = t[i]![width - 1]! / a;
      if (ratio < best - EPS || (Math.abs(ratio - best) <= EPS && basis[i]! < basis[leaving]!)) {
        best = ratio;
        leaving = i;
      }
    }
    if (leaving < 0) return false;
    pivot(t, basis, leaving, entering, width);
  }
  throw new Error('simplex did not finish');
}

function pivot(t: number[][], basis: number[], row: number, col: number, width: number) {
  const p = t[row]![col]!;
  for (let j = 0; j < width; j++) t[row]![j]! /= p;
  for (let i = 0; i < t.length; i++) {
    if (i === row) continue;
    const f = t[i]![col]!;
    if (Math.abs(f) <= EPS) continue;
    for (let j = 0; j < width; j++) t[i]![j]! -= f * t[row]![j]!;
  }
  basis[row] = col;
}
