import { z } from 'zod';
import type { Question, ServiceType } from './catalog';
import type { CaseKind } from './enums';
import type { Location } from './location';
import { hasLocation } from './location';

export const AnswerValueSchema = z.union([z.string(), z.number(), z.array(z.string())]);
export type AnswerValue = z.infer<typeof AnswerValueSchema>;
export const AnswersSchema = z.record(z.string(), AnswerValueSchema);
export type Answers = z.infer<typeof AnswersSchema>;

/** A problem with one field, named so a person can find and fix it. */
export interface FieldIssue {
  field: string;
  message: string;
}

const isBlank = (value: AnswerValue | undefined): boolean =>
  value === undefined || (typeof value === 'string' && value.trim() === '') || (Array.isArray(value) && value.length === 0);

function checkAnswer(question: Question, value: AnswerValue): string | null {
  const keys = new Set((question.values ?? []).map((v) => v.key));
  switch (question.datatype) {
    case 'string':
    case 'text':
      return typeof value === 'string' ? null : 'must be text';
    case 'number':
      return typeof value === 'number' && Number.isFinite(value) ? null : 'must be a number';
    case 'datetime':
      return typeof value === 'string' && !Number.isNaN(Date.parse(value)) ? null : 'must be a date and time';
    case 'singlevaluelist':
      return typeof value === 'string' && keys.has(value) ? null : `must be one of ${[...keys].join(', ')}`;
    case 'multivaluelist':
      return Array.isArray(value) && value.every((v) => keys.has(v)) ? null : `must be a list drawn from ${[...keys].join(', ')}`;
  }
}

/**
 * Checks answers against a service type's questions. Required questions and the location are
 * enforced for service requests only: an information request or feedback about a type records
 * what the caller said, it does not dispatch anybody.
 */
export function validateDetails(
  type: ServiceType,
  kind: CaseKind,
  answers: Answers,
  location: Location | null,
): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const enforceRequired = kind === 'service_request';
  const known = new Set(type.questions.map((q) => q.code));
  for (const code of Object.keys(answers)) {
    if (!known.has(code)) issues.push({ field: `answers.${code}`, message: `is not a question of ${type.name}` });
  }
  for (const question of [...type.questions].sort((a, b) => a.order - b.order)) {
    const value = answers[question.code];
    if (isBlank(value)) {
      if (enforceRequired && question.required) issues.push({ field: `answers.${question.code}`, message: `is required: ${question.description}` });
      continue;
    }
    const problem = checkAnswer(question, value!);
    if (problem) issues.push({ field: `answers.${question.code}`, message: problem });
  }
  if (enforceRequired && type.locationRequired && !hasLocation(location)) {
    issues.push({ field: 'location', message: `is required for ${type.name}` });
  }
  return issues;
}
