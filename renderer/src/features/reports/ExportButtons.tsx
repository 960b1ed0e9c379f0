import { useState } from 'react';
import { Button } from 'react-aria-components';
import type { OperationInput } from '../../../../shared/contract';
import { request } from '../../api/api';
import { downloadFile } from './download';

type ExportInput = OperationInput<'exportReport'>;
type Format = ExportInput['format'];
/** What to export, without the format: the buttons add it. */
export type ExportTarget = { kind: 'shift'; date: string; shift: string } | { kind: 'period'; from: string; to: string; top: number };

const inputOf = (target: ExportTarget, format: Format): ExportInput => (target.kind === 'shift' ? { ...target, format } : { ...target, format });

const FORMATS = [
  { format: 'csv', label: 'Export CSV' },
  { format: 'pdf', label: 'Export PDF' },
] as const;

/** CSV and PDF of the report on screen; the file downloads as the desk names it. */
export function ExportButtons({ target, disabled }: { target: ExportTarget; disabled: boolean }) {
  const [busy, setBusy] = useState<Format | null>(null);
  const [message, setMessage] = useState<{ tone: 'ok' | 'error'; text: string } | null>(null);

  const exportAs = async (format: Format) => {
    setBusy(format);
    setMessage(null);
    try {
      const file = await request('exportReport', inputOf(target, format));
      downloadFile(file);
      setMessage({ tone: 'ok', text: `Downloaded ${file.fileName}` });
    } catch (error) {
      setMessage({ tone: 'error', text: `The ${format.toUpperCase()} could not be made: ${error instanceof Error ? error.message : String(error)}` });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="report-export row">
      {FORMATS.map(({ format, label }) => (
        <Button key={format} className="btn" isDisabled={disabled || busy !== null} onPress={() => void exportAs(format)}>
          {busy === format ? `${label}…` : label}
        </Button>
      ))}
      <span role="status" className={message?.tone === 'error' ? 'error-text' : 'muted'}>
        {message?.text}
      </span>
    </div>
  );
}
