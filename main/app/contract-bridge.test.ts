import { describe, expect, it, vi } from 'vitest';
import { ipcChannelOf } from '../../shared/contract/bridge';
import { OPERATION_NAMES } from '../../shared/contract/operations';
import { createContractBridge, type Invoke } from './contract-bridge';

describe('createContractBridge', () => {
  it('has one function per contract operation and nothing else', () => {
    const bridge = createContractBridge(async () => undefined);
    expect(Object.keys(bridge).sort()).toEqual([...OPERATION_NAMES].sort());
    for (const name of OPERATION_NAMES) expect(typeof bridge[name]).toBe('function');
    expect(Object.isFrozen(bridge)).toBe(true);
  });

  it("invokes each operation's own channel with its one argument and hands back main's answer", async () => {
    const answer = { ok: true, value: { items: [] } };
    const invoke = vi.fn<Invoke>(async () => answer);
    const bridge = createContractBridge(invoke);
    await expect(bridge.searchCases({ query: 'pothole' })).resolves.toBe(answer);
    expect(invoke).toHaveBeenCalledWith(ipcChannelOf('searchCases'), { query: 'pothole' });
    expect(invoke).toHaveBeenCalledTimes(1);
  });
});
