import { useState } from 'preact/hooks';
import {
  EVIDENCE_FIELD,
  EVIDENCE_TOKEN_FIELD,
  type EvidenceField,
  type EvidenceUpload,
  type RefusedFile,
  type StagedEvidence,
} from '../../shared/evidence';
import { prepareProof, proofHeader } from '../components/proof-of-work/background';

/** Answers that refuse every file of a post, by what they mean for the person. */
const REFUSED_BY_STATUS: Record<number, string> = { 413: 'total_too_big', 429: 'too_many_uploads' };

/** The files of a report with JavaScript: as the server cleaned them, kept with the draft. */
export interface EvidenceDraft {
  token: string;
  files: StagedEvidence[];
}

/**
 * Files are uploaded as soon as they are chosen and come back cleaned (a small picture of each), so the person
 * sees at once what will be sent. Files over the size limit are refused here, before a byte is sent; the
 * server checks everything again.
 */
export function useEvidence(field: EvidenceField | undefined, initial: EvidenceDraft | null) {
  const [current, setCurrent] = useState<EvidenceDraft | null>(initial);
  const [refused, setRefused] = useState<RefusedFile[]>([]);
  const [busy, setBusy] = useState(false);
  const [failed, setFailed] = useState(false);

  const add = async (chosen: File[]): Promise<EvidenceDraft | null> => {
    if (!field) return current;
    const tooBig = chosen.filter((f) => f.size > field.limits.maxFileBytes);
    const room = field.limits.maxFiles - (current?.files.length ?? 0);
    const fitting = chosen.filter((f) => f.size <= field.limits.maxFileBytes);
    const sending = fitting.slice(0, Math.max(0, room));
    const local: RefusedFile[] = [
      ...tooBig.map((f) => ({ name: f.name, reason: 'too_big' })),
      ...fitting.slice(sending.length).map((f) => ({ name: f.name, reason: 'too_many' })),
    ];
    setRefused(local);
    setFailed(false);
    if (sending.length === 0) return current;
    setBusy(true);
    try {
      const body = new FormData();
      if (current) body.set(EVIDENCE_TOKEN_FIELD, current.token);
      for (const file of sending) body.append(EVIDENCE_FIELD, file);
      const response = await fetch('/api/evidence', {
        method: 'POST',
        headers: { accept: 'application/json', ...proofHeader('upload') },
        body,
      });
      const refusedAll = REFUSED_BY_STATUS[response.status];
      if (refusedAll) {
        setRefused([...local, ...sending.map((f) => ({ name: f.name, reason: refusedAll }))]);
        return current;
      }
      if (response.status !== 201 && response.status !== 422) throw new Error(String(response.status));
      const upload = (await response.json()) as EvidenceUpload;
      const next = { token: upload.token, files: upload.files };
      setCurrent(next);
      setRefused([...local, ...upload.refused]);
      return next;
    } catch {
      setFailed(true);
      return current;
    } finally {
      setBusy(false);
    }
  };

  const remove = async (id: string): Promise<EvidenceDraft | null> => {
    if (!current) return current;
    setBusy(true);
    setFailed(false);
    try {
      const upload = await removeOnServer(current.token, id);
      const next = { token: upload.token, files: upload.files };
      setCurrent(next);
      setRefused([]);
      return next;
    } catch {
      setFailed(true);
      return current;
    } finally {
      setBusy(false);
    }
  };

  /** Starting over: the staged files are removed on the server too (they would go within two days anyway). */
  const clear = () => {
    const gone = current;
    setCurrent(null);
    setRefused([]);
    if (gone) for (const f of gone.files) void removeOnServer(gone.token, f.id).catch(() => undefined);
  };

  /** A file is about to be picked: the proof of work for its upload is solved while the person chooses. */
  const prepare = () => prepareProof('upload');

  return { current, refused, busy, failed, add, remove, clear, setCurrent, prepare };
}

async function removeOnServer(token: string, id: string): Promise<EvidenceUpload> {
  const response = await fetch('/api/evidence/remove', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ token, id }),
  });
  if (!response.ok) throw new Error(String(response.status));
  return (await response.json()) as EvidenceUpload;
}
