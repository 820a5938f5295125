import type { Area } from './sanitiser';

/** The part of an area inside a picture of this size, in whole pixels; null when nothing of it is inside. */
export function clipArea(area: Area, width: number, height: number): Area | null {
  const x = Math.max(0, Math.floor(area.x));
  const y = Math.max(0, Math.floor(area.y));
  const right = Math.min(width, Math.ceil(area.x + area.width));
  const bottom = Math.min(height, Math.ceil(area.y + area.height));
  return right > x && bottom > y ? { x, y, width: right - x, height: bottom - y } : null;
}
