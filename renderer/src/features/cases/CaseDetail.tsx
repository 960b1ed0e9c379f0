import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Button } from 'react-aria-components';
import type { CaseDetail as Detail, StatusEvent } from '../../../../shared/contract';
import { findServiceType, type Role } from '../../../../shared/domain';
import { DeskError, fieldErrors, request } from '../../api/api';
import { Keys } from '../../components/Kbd';
import { useShortcuts } from '../../components/use-shortcuts';
import { CaseAnswers, CaseFacts } from './CaseFacts';
import { CaseTimeline } from './CaseTimeline';
import { CHANNEL_LABELS, KIND_LABELS, STATUS_LABELS } from '../../components/labels';
import { NoteForm } from './NoteForm';
import { StatusActions } from './StatusActions';
import { buildTimeline } from './timeline';
import { useAgentNames, useCatalog } from '../../components/use-catalog';

interface Props {
  id: string;
  role: Role;
  onBack: () => void;
  /** What Esc and the back button return to: the case list, or the report the case was listed in. */
  backTo?: 'cases' | 'report';
  /** The case changed here (a status move), so anything counting cases may refresh. */
  onChanged: () => void;
}

const messageOf = (error: unknown): string => (error instanceof Error ? error.message : String(error));

/** One case: its facts, answers and history, notes, and the status moves open to this agent. */
export function CaseDetail({ id, role, onBack, backTo = 'cases', onChanged }: Props) {
  const [detail, setDetail] = useState<Detail | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [refusal, setRefusal] = useState<{ code: string; message: string } | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const names = useCatalog();
  const agentName = useAgentNames();
  const titleRef = useRef<HTMLHeadingElement>(null);
  // After a status move its button may be gone; focus lands on the Status heading instead of the page.
  const statusRef = useRef<HTMLHeadingElement>(null);

  const reload = useCallback(async () => {
    try {
      const next = await request('getCase', { id });
      setDetail(next);
      setLoadError(null);
      return next;
    } catch (error) {
      setLoadError(messageOf(error));
      return null;
    }
  }, [id]);

  useEffect(() => {
    setDetail(null);
    setRefusal(null);
    setNotice(null);
    void reload().then(() => titleRef.current?.focus({ preventScroll: true }));
  }, [reload]);

  const reference = detail?.case.reference;
  const copy = useCallback(() => {
    if (!reference) return;
    navigator.clipboard.writeText(reference).then(
      () => {
        setCopied(true);
        setTimeout(() => setCopied(false), 2000);
      },
      () => setNotice(`Copying is not allowed here; the reference is ${reference}.`),
    );
  }, [reference]);

  useShortcuts({ Escape: onBack, 'Alt+B': onBack, 'Alt+C': copy });

  const timeline = useMemo(() => (detail ? buildTimeline(detail.events, detail.notes) : []), [detail]);

  const sendStatus = async (event: StatusEvent) => {
    if (!detail) return;
    setRefusal(null);
    setNotice(null);
    try {
      const saved = await request('transitionCase', { id, expectedVersion: detail.case.version, event });
      setNotice(`Case ${saved.reference} is now ${STATUS_LABELS[saved.status].toLowerCase()}.`);
      onChanged();
      statusRef.current?.focus({ preventScroll: true });
    } catch (error) {
      setRefusal(error instanceof DeskError ? { code: error.error.code, message: error.message } : { code: 'internal', message: messageOf(error) });
    }
    await reload();
  };

  const addNote = async (body: string): Promise<string | null> => {
    try {
      await request('addNote', { caseId: id, body });
      await reload();
      return null;
    } catch (error) {
      return fieldErrors(error).body ?? messageOf(error);
    }
  };

  const back = (
    <Button className="btn" onPress={onBack} aria-label={backTo === 'report' ? 'Back to the report' : 'Back to cases'}>
      ← {backTo === 'report' ? 'Back to the report' : 'Back to cases'} <Keys combo="Esc" />
    </Button>
  );

  if (!detail) {
    return (
      <div className="case-detail stack" aria-busy={loadError === null}>
        <div className="row">{back}</div>
        {loadError ? (
          <div role="alert" className="banner error row">
            <span>This case could not be opened: {loadError}</span>
            <Button className="btn" onPress={() => void reload()}>
              Try again
            </Button>
          </div>
        ) : (
          <p className="muted">Opening the case…</p>
        )}
      </div>
    );
  }

  const found = detail.case;
  return (
    <div className="case-detail stack">
      <div className="row case-detail-nav">
        {back}
        <span className="muted">
          or <Keys combo="Alt+B" />
        </span>
      </div>
      <header className="case-head">
        <div className="case-head-title">
          <h1 ref={titleRef} tabIndex={-1} className="mono case-reference" data-testid="case-reference">
            {found.reference}
          </h1>
          <Button className="btn" onPress={copy} aria-label="Copy reference">
            {copied ? 'Copied' : 'Copy'} <Keys combo="Alt+C" />
          </Button>
          <span className={`badge status-${found.status} case-status`} data-testid="case-status">
            {STATUS_LABELS[found.status]}
          </span>
        </div>
        <p className="case-head-sub">
          <strong>{names.serviceName(found.serviceCode)}</strong>
          <span aria-hidden> · </span>
          {names.departmentName(found.departmentCode)}
          <span aria-hidden> · </span>
          {KIND_LABELS[found.kind]}
          <span aria-hidden> · </span>
          {CHANNEL_LABELS[found.channel]}
        </p>
        <span className="visually-hidden" role="status">
          {copied ? 'Reference copied' : ''}
        </span>
      </header>
      <div className="case-columns-2">
        <div className="stack">
          <CaseFacts found={found} names={names} callerCount={1 + detail.events.filter((e) => e.type === 'contact_added').length} />
          <CaseAnswers found={found} type={names.catalog ? findServiceType(names.catalog, found.serviceCode) : undefined} />
        </div>
        <div className="stack">
          <section className="card stack" aria-labelledby="case-status-title">
            <h2 id="case-status-title" ref={statusRef} tabIndex={-1}>
              Status
            </h2>
            {refusal && (
              <div role="alert" className="banner error stack">
                <span>
                  <strong>{refusal.code === 'conflict' ? 'The case changed before yours; it has been reloaded.' : 'The desk refused this change.'}</strong>{' '}
                  {refusal.message}
                </span>
              </div>
            )}
            <div role="status">{notice && <p className="banner info">{notice}</p>}</div>
            <StatusActions allowed={detail.allowedStatusEvents} role={role} onSend={sendStatus} />
          </section>
          <section className="card stack" aria-labelledby="case-note-title">
            <h2 id="case-note-title">Add note</h2>
            <NoteForm onAdd={addNote} />
          </section>
          <section className="card stack" aria-labelledby="case-timeline-title">
            <h2 id="case-timeline-title">Timeline</h2>
            <CaseTimeline entries={timeline} names={names} agentName={agentName} />
          </section>
        </div>
      </div>
    </div>
  );
}
