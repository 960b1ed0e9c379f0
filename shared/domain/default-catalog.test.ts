import { describe, expect, it } from 'vitest';
import { CatalogSchema, QUESTION_DATATYPES, findServiceType } from './catalog';
import { defaultCatalog } from './default-catalog';

const REQUIRED_DEPARTMENTS = [
  'Utility Billing',
  'Transit',
  'Waste & Recycling',
  'Water & Sewer',
  'Parks & Trees',
  'Roads & Snow',
  'Bylaw & Animal Services',
  'General Information',
];

const allQuestions = defaultCatalog.serviceTypes.flatMap((t) => t.questions.map((q) => ({ type: t.code, question: q })));

describe('defaultCatalog', () => {
  it('parses through CatalogSchema', () => {
    const result = CatalogSchema.safeParse(defaultCatalog);
    expect(result.success, JSON.stringify(result.error?.issues, null, 2)).toBe(true);
    expect(defaultCatalog.version).toBe('2026.1');
  });

  it('has at least 30 service types', () => {
    expect(defaultCatalog.serviceTypes.length).toBeGreaterThanOrEqual(30);
  });

  it('has every required department, each with at least one service type', () => {
    const names = defaultCatalog.departments.map((d) => d.name);
    for (const name of REQUIRED_DEPARTMENTS) expect(names).toContain(name);
    for (const department of defaultCatalog.departments) {
      expect(defaultCatalog.serviceTypes.some((t) => t.departmentCode === department.code), department.code).toBe(true);
    }
  });

  it('files large-item-collection under Waste & Recycling with a required location', () => {
    const type = findServiceType(defaultCatalog, 'large-item-collection');
    expect(type).toBeDefined();
    const department = defaultCatalog.departments.find((d) => d.code === type!.departmentCode);
    expect(department?.name).toBe('Waste & Recycling');
    expect(type!.locationRequired).toBe(true);
    expect(type!.questions.find((q) => q.datatype === 'multivaluelist')?.values?.map((v) => v.key)).toEqual(
      expect.arrayContaining(['mattress', 'sofa', 'appliance_freon', 'appliance_no_freon', 'furniture', 'other']),
    );
  });

  it('uses every question datatype at least once', () => {
    const used = new Set(allQuestions.map(({ question }) => question.datatype));
    for (const datatype of QUESTION_DATATYPES) expect(used, datatype).toContain(datatype);
  });

  it('gives every list question unique value keys', () => {
    for (const { type, question } of allQuestions) {
      if (!question.values) continue;
      const keys = question.values.map((v) => v.key);
      expect(new Set(keys).size, `${type}.${question.code}`).toBe(keys.length);
    }
  });

  it('numbers each type’s questions 1..n', () => {
    for (const type of defaultCatalog.serviceTypes) {
      const orders = type.questions.map((q) => q.order).sort((a, b) => a - b);
      expect(orders, type.code).toEqual(type.questions.map((_, i) => i + 1));
    }
  });

  it('gives every type at least 3 lower-case keywords', () => {
    for (const type of defaultCatalog.serviceTypes) {
      expect(type.keywords.length, type.code).toBeGreaterThanOrEqual(3);
      for (const keyword of type.keywords) expect(keyword, type.code).toBe(keyword.toLowerCase());
    }
  });

  it('has unique service codes', () => {
    const codes = defaultCatalog.serviceTypes.map((t) => t.code);
    expect(new Set(codes).size).toBe(codes.length);
  });
});
