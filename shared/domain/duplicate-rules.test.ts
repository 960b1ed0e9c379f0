import { describe, expect, it } from 'vitest';
import { defaultCatalog } from './default-catalog';
import { DEFAULT_DUPLICATE_RULE, DUPLICATE_RULE_OVERRIDES, duplicateRuleFor } from './duplicate-rules';

describe('duplicate rules', () => {
  it('names only service types of the default catalog, and only ones that take a location', () => {
    for (const code of Object.keys(DUPLICATE_RULE_OVERRIDES)) {
      expect(defaultCatalog.serviceTypes.find((t) => t.code === code), code).toMatchObject({ locationRequired: true });
    }
  });

  it('fills what an override leaves out from the default, and gives the default to other types', () => {
    expect(duplicateRuleFor('pothole')).toEqual({ radiusMetres: 50, windowDays: 30 });
    expect(duplicateRuleFor('missed-cart-collection')).toEqual({ radiusMetres: null, windowDays: 7 });
    expect(duplicateRuleFor('sidewalk-repair')).toEqual(DEFAULT_DUPLICATE_RULE);
    expect(duplicateRuleFor('imported-type-nobody-listed')).toEqual({ radiusMetres: 100, windowDays: 30 });
  });
});
