import type { DossierDocument } from './types';

/** Where a document stands with the virus scanner. */
export type ScanStatus = 'PENDING' | 'CLEAN' | 'INFECTED' | 'NOT_SCANNED';

/** A stored document with what the document module adds to the basic metadata. */
export interface StoredDocument extends DossierDocument {
  uploadedBy?: string;
  /** The version this one replaces (a supplement after submission). */
  replacesId?: string | null;
  scanStatus?: ScanStatus;
  integrityFailedAt?: string | null;
}

export interface ChecklistItem {
  documentType: string;
  name: string;
  required: boolean;
  present: boolean;
  /** The media types this kind of document may come in; empty: every accepted format. */
  formats?: string[];
  documents: StoredDocument[];
}

/** The documents a dossier's content requires (from the catalogue), then the optional extras. */
export interface Checklist {
  dossierId: string;
  contentCode: string;
  complete: boolean;
  missing: string[];
  items: ChecklistItem[];
}

export interface StartUpload {
  documentType: string;
  fileName: string;
  size: number;
  sha256: string;
  replaces?: string;
}

/** A resumable upload session: the parts already received let a dropped upload carry on. */
export interface UploadSession {
  id: string;
  dossierId: string;
  documentType: string;
  fileName: string;
  size: number;
  sha256: string;
  partSize: number;
  partCount: number;
  receivedParts: number[];
  receivedBytes: number;
  expiresAt: string;
}

/** Files at least this large go in parts, so that a dropped connection costs one part, not the whole file. */
export const RESUMABLE_THRESHOLD = 8 * 1024 * 1024;

/** What the file input offers; the server still decides by the bytes. */
const EXTENSIONS: Record<string, string> = {
  'application/pdf': '.pdf',
  'image/jpeg': '.jpg,.jpeg',
  'image/png': '.png',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': '.docx',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': '.xlsx',
  'application/vnd.oasis.opendocument.text': '.odt',
  'application/vnd.oasis.opendocument.spreadsheet': '.ods',
};

const LABELS: Record<string, string> = {
  'application/pdf': 'PDF',
  'image/jpeg': 'JPEG',
  'image/png': 'PNG',
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document': 'DOCX',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'XLSX',
  'application/vnd.oasis.opendocument.text': 'ODT',
  'application/vnd.oasis.opendocument.spreadsheet': 'ODS',
};

/** The formats a kind of document takes as people know them ("PDF, JPEG, PNG"), or every accepted one. */
export function formatLabels(formats: string[] | undefined): string {
  const types = formats && formats.length > 0 ? formats : Object.keys(LABELS);
  return types.map((f) => LABELS[f] ?? f).join(', ');
}

/** The file picker's `accept` for a kind of document: its own formats, or every accepted one. */
export function acceptFor(formats: string[] | undefined): string {
  if (!formats || formats.length === 0) return ACCEPTED_FILES;
  return [...formats.map((f) => EXTENSIONS[f] ?? ''), ...formats].filter(Boolean).join(',');
}

export const ACCEPTED_FILES =
  '.pdf,.jpg,.jpeg,.png,.docx,.xlsx,.odt,.ods,application/pdf,image/jpeg,image/png,' +
  'application/vnd.openxmlformats-officedocument.wordprocessingml.document,' +
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet,' +
  'application/vnd.oasis.opendocument.text,application/vnd.oasis.opendocument.spreadsheet';
