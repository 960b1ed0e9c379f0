import { z } from 'zod';
import { PrioritySchema } from './enums';

/** Open311 GeoReport v2 attribute datatypes. */
export const QUESTION_DATATYPES = ['string', 'number', 'datetime', 'text', 'singlevaluelist', 'multivaluelist'] as const;
export const QuestionDatatypeSchema = z.enum(QUESTION_DATATYPES);
export type QuestionDatatype = z.infer<typeof QuestionDatatypeSchema>;

const CodeSchema = z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'must be lower-case letters, digits, _ or -');

export const QuestionValueSchema = z.object({ key: z.string().min(1), name: z.string().min(1) });

/** One Open311 attribute: a question the specialist asks for this service type. */
export const QuestionSchema = z
  .object({
    code: CodeSchema,
    datatype: QuestionDatatypeSchema,
    /** The question as shown to the specialist. */
    description: z.string().min(1),
    datatypeDescription: z.string().optional(),
    required: z.boolean(),
    order: z.number().int().min(1),
    values: z.array(QuestionValueSchema).optional(),
  })
  .superRefine((question, ctx) => {
    const isList = question.datatype === 'singlevaluelist' || question.datatype === 'multivaluelist';
    if (isList && (!question.values || question.values.length === 0)) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${question.datatype} question needs values` });
    }
    if (!isList && question.values) {
      ctx.addIssue({ code: 'custom', path: ['values'], message: `a ${question.datatype} question takes no values` });
    }
  });
export type Question = z.infer<typeof QuestionSchema>;

export const DepartmentSchema = z.object({ code: CodeSchema, name: z.string().min(1) });
export type Department = z.infer<typeof DepartmentSchema>;

export const ServiceTypeSchema = z.object({
  /** Open311 service_code. */
  code: CodeSchema,
  name: z.string().min(1),
  departmentCode: CodeSchema,
  description: z.string(),
  keywords: z.array(z.string().min(1)),
  /** Days the department has to resolve a service request of this type. */
  slaDays: z.number().int().min(0),
  locationRequired: z.boolean(),
  defaultPriority: PrioritySchema,
  questions: z.array(QuestionSchema),
});
export type ServiceType = z.infer<typeof ServiceTypeSchema>;

export const CatalogSchema = z
  .object({
    version: z.string().min(1),
    departments: z.array(DepartmentSchema).min(1),
    serviceTypes: z.array(ServiceTypeSchema).min(1),
  })
  .superRefine((catalog, ctx) => {
    const departments = new Set<string>();
    catalog.departments.forEach((d, i) => {
      if (departments.has(d.code)) ctx.addIssue({ code: 'custom', path: ['departments', i, 'code'], message: `duplicate department '${d.code}'` });
      departments.add(d.code);
    });
    const types = new Set<string>();
    catalog.serviceTypes.forEach((t, i) => {
      if (types.has(t.code)) ctx.addIssue({ code: 'custom', path: ['serviceTypes', i, 'code'], message: `duplicate service type '${t.code}'` });
      types.add(t.code);
      if (!departments.has(t.departmentCode)) {
        ctx.addIssue({ code: 'custom', path: ['serviceTypes', i, 'departmentCode'], message: `unknown department '${t.departmentCode}'` });
      }
      const questions = new Set<string>();
      t.questions.forEach((q, j) => {
        if (questions.has(q.code)) {
          ctx.addIssue({ code: 'custom', path: ['serviceTypes', i, 'questions', j, 'code'], message: `duplicate question '${q.code}'` });
        }
        questions.add(q.code);
      });
    });
  });
export type Catalog = z.infer<typeof CatalogSchema>;

export function findServiceType(catalog: Catalog, code: string): ServiceType | undefined {
  return catalog.serviceTypes.find((t) => t.code === code);
}
