import { describe, expect, it } from 'vitest';
import { findServiceType } from './catalog';
import { defaultCatalog } from './default-catalog';
import { validateDetails } from './answers';

const type = (code: string) => {
  const found = findServiceType(defaultCatalog, code);
  if (!found) throw new Error(`no ${code}`);
  return found;
};

describe('validateDetails', () => {
  it('accepts complete answers of every datatype', () => {
    const answers = { items: ['mattress', 'sofa'], item_count: 2, preferred_week: 'next_available', placement: 'front_curb', other_items: 'box spring' };
    expect(validateDetails(type('large-item-collection'), 'service_request', answers, { addressText: '12 3 Ave S' })).toEqual([]);
    expect(validateDetails(type('noise-complaint'), 'service_request', { source: 'music_party', started_at: '2026-11-27T23:10:00-07:00', ongoing: 'yes' }, { lat: 49.7, lng: -112.8 })).toEqual([]);
  });

  it('names each missing required answer and the missing location, in question order', () => {
    expect(validateDetails(type('large-item-collection'), 'service_request', {}, null).map((i) => i.field)).toEqual([
      'answers.items',
      'answers.item_count',
      'answers.preferred_week',
      'answers.placement',
      'location',
    ]);
  });

  it('checks each datatype', () => {
    const issues = validateDetails(
      type('noise-complaint'),
      'service_request',
      { source: 'dragons', started_at: 'last tuesday-ish', ongoing: ['yes'], previous_reports: Number.NaN, stray: 'x' },
      { addressText: 'x' },
    );
    expect(issues).toEqual([
      { field: 'answers.stray', message: 'is not a question of Noise Complaint' },
      { field: 'answers.source', message: 'must be one of music_party, construction, vehicle, commercial, other' },
      { field: 'answers.started_at', message: 'must be a date and time' },
      { field: 'answers.ongoing', message: 'must be one of yes, no' },
      { field: 'answers.previous_reports', message: 'must be a number' },
    ]);
  });

  it('treats blank text and empty lists as unanswered', () => {
    const issues = validateDetails(type('large-item-collection'), 'service_request', { items: [], item_count: 1, preferred_week: 'next_available', placement: '  ' }, { addressId: 'A1' });
    expect(issues.map((i) => i.field)).toEqual(['answers.items', 'answers.placement']);
  });

  it('enforces required questions only for service requests, but still checks given answers', () => {
    expect(validateDetails(type('pothole'), 'feedback', {}, null)).toEqual([]);
    expect(validateDetails(type('pothole'), 'information', { pothole_size: 'huge' }, null).map((i) => i.field)).toEqual(['answers.pothole_size']);
  });
});
