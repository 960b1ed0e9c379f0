import { useEffect, useRef } from 'react';
import { Button } from 'react-aria-components';
import type { Channel } from '../../../../shared/domain';
import { Keys } from '../../components/Kbd';
import { useShortcuts } from '../../components/use-shortcuts';
import type { IntakeSend } from './use-intake';

const CHANNELS: { channel: Channel; label: string; key: string }[] = [
  { channel: 'phone', label: 'Phone call', key: 'P' },
  { channel: 'walk_in', label: 'Walk-in', key: 'W' },
  { channel: 'chat', label: 'Chat', key: 'C' },
];

/** One key starts the interaction on its channel and starts the talk clock. */
export function ChannelStep({ active, send, lastReference }: { active: boolean; send: IntakeSend; lastReference: string | null }) {
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    if (active) first.current?.focus();
  }, [active]);
  useShortcuts(Object.fromEntries(CHANNELS.map((c) => [c.key, () => send({ type: 'CHOOSE_CHANNEL', channel: c.channel })])), active);
  return (
    <div className="stack">
      {lastReference && (
        <div className="banner info" role="status">
          Logged <strong className="mono">{lastReference}</strong>. Ready for the next interaction.
        </div>
      )}
      <p className="muted">Who is on the line? Press a key to start the clock.</p>
      <div className="row">
        {CHANNELS.map((c, i) => (
          <Button key={c.channel} ref={i === 0 ? first : undefined} className="btn big" onPress={() => send({ type: 'CHOOSE_CHANNEL', channel: c.channel })}>
            {c.label} <Keys combo={c.key} />
          </Button>
        ))}
      </div>
    </div>
  );
}
