import type { IncomingMessage } from 'node:http';
import { MAX_BODY_BYTES } from '../../shared/sync';
import { ApiError } from './api-error';

const tooLarge = (limit: number) => new ApiError('too_large', `the request body is larger than ${limit.toLocaleString('en')} bytes; send fewer mutations per batch`);

/**
 * Reads the body, refusing it with 413 when Content-Length says it is too large or, for a body
 * without a length, as soon as the bytes counted pass the limit.
 */
export async function readBody(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) throw tooLarge(limit);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer = chunk as Buffer;
    size += buffer.length;
    if (size > limit) throw tooLarge(limit);
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/** The body as JSON, or 400 saying why it is not. */
export async function readJson(req: IncomingMessage, limit = MAX_BODY_BYTES): Promise<unknown> {
  const body = await readBody(req, limit);
  if (body.length === 0) throw new ApiError('invalid_input', 'the request body is empty; send a JSON object');
  try {
    return JSON.parse(body.toString('utf8')) as unknown;
  } catch (error) {
    throw new ApiError('invalid_input', `the request body is not valid JSON (${error instanceof Error ? error.message : String(error)})`);
  }
}
