import type { FetchLike } from '../../../main/core/sync/server-api';
import type { TestServer } from '../../helpers/server';
import type { SeededRandom } from './random';

export interface FaultRates {
  /** The request never reaches the server. */
  drop: number;
  /** The server commits, the answer is lost on the way back. */
  loseResponse: number;
  /** A copy of the request is kept and delivered later, after newer ones (duplicate, delay, reorder). */
  duplicateLater: number;
  /** The server restarts after committing a push, before answering it. */
  restartMidPush: number;
}

export const CALM: FaultRates = { drop: 0, loseResponse: 0, duplicateLater: 0, restartMidPush: 0 };

interface HeldRequest {
  path: string;
  init: Parameters<FetchLike>[1];
}

/**
 * The network between the desks and the server. Every fault is decided by the seeded generator,
 * and requests run one at a time, so a seed replays the same run. `onDelivered` lets the run kill a
 * desk between the server's commit and the answer.
 */
export class SimulatedNetwork {
  rates: FaultRates;
  readonly faults = { dropped: 0, lostResponses: 0, replayed: 0, restarts: 0, killsMidRequest: 0 };
  private held: HeldRequest[] = [];

  constructor(
    private readonly server: TestServer,
    private readonly random: SeededRandom,
    rates: FaultRates,
  ) {
    this.rates = rates;
  }

  /** The fetch a desk gets; `beforeAnswer` may close the desk after the server answered (a kill mid-request). */
  fetchFor(desk: { killMidRequest(): boolean }): FetchLike {
    return async (url, init) => {
      const path = new URL(url).pathname + new URL(url).search;
      await this.replaySomeHeld();
      if (this.random.chance(this.rates.drop)) {
        this.faults.dropped += 1;
        throw new TypeError('fetch failed', { cause: new Error('simulated: request dropped') });
      }
      if (this.random.chance(this.rates.duplicateLater)) this.held.push({ path, init });
      const response = await this.deliver(path, init);
      const body = await response.text();
      if (init.method === 'POST' && path === '/sync/push' && this.random.chance(this.rates.restartMidPush)) {
        this.faults.restarts += 1;
        await this.server.restart();
        throw new TypeError('fetch failed', { cause: new Error('simulated: server restarted before answering') });
      }
      if (this.random.chance(this.rates.loseResponse)) {
        this.faults.lostResponses += 1;
        throw new TypeError('fetch failed', { cause: new Error('simulated: response lost after commit') });
      }
      if (desk.killMidRequest()) {
        this.faults.killsMidRequest += 1;
        throw new TypeError('fetch failed', { cause: new Error('simulated: desk killed before the answer arrived') });
      }
      return new Response(body, { status: response.status, headers: response.headers });
    };
  }

  /** Delivers held copies that are due: old requests arriving after newer ones. Their answers go nowhere. */
  private async replaySomeHeld(): Promise<void> {
    while (this.held.length > 0 && this.random.chance(0.3)) {
      const index = this.random.int(0, this.held.length - 1);
      const [request] = this.held.splice(index, 1);
      this.faults.replayed += 1;
      await (await this.deliver(request!.path, request!.init)).text();
    }
  }

  /** Delivers everything still held (the network heals: late copies finally arrive). */
  async flush(): Promise<void> {
    for (const request of this.held.splice(0)) {
      this.faults.replayed += 1;
      await (await this.deliver(request.path, request.init)).text();
    }
  }

  private deliver(path: string, init: Parameters<FetchLike>[1]): Promise<Response> {
    return fetch(`${this.server.url}${path}`, init);
  }
}
