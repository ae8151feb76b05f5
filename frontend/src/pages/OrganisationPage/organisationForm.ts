import type { TFunction } from 'i18next';
import { SERVER_LANGUAGE, type Described } from '../../api/describeError';
import type { Problem } from '../../api/problem';
import { ORGANISATION_TYPES, type Commune, type NewOrganisation, type OrganisationType } from '../../api/types';
import { checkTaxCode } from '../../lib/taxCode';
import type { FieldProblem } from '../../lib/validation';

/** What the person typed; the commune as its name, matched to the catalogue's code on submitting. */
export interface OrganisationAnswers {
  taxCode: string;
  name: string;
  type: string;
  address: string;
  commune: string;
}

/** The request's properties, in the order of the form, and the id of the input each is typed in. */
export const FIELD_IDS = {
  taxCode: 'taxCode',
  name: 'organisationName',
  type: 'organisationType',
  address: 'address',
  communeCode: 'commune',
} as const satisfies Record<keyof NewOrganisation, string>;

export const NAME_MAX_LENGTH = 255;
export const ADDRESS_MAX_LENGTH = 500;

/** "Xã Côn Minh", "xa con minh" and "XÃ  CÔN MINH" are the same name to someone typing on a phone. */
export function normalised(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
}

/** The names offered in the list; a name that two communes share carries its code. */
export function communeLabels(communes: Commune[]): Map<string, Commune> {
  const count = new Map<string, number>();
  for (const commune of communes) count.set(normalised(commune.name), (count.get(normalised(commune.name)) ?? 0) + 1);
  return new Map(
    communes.map((commune) => [
      (count.get(normalised(commune.name)) ?? 0) > 1 ? `${commune.name} (${commune.code})` : commune.name,
      commune,
    ]),
  );
}

/** The commune the text names: a label of the list, a code, or a name only one commune has. */
export function matchCommune(text: string, communes: Commune[]): Commune | null {
  const wanted = normalised(text);
  if (!wanted) return null;
  for (const [label, commune] of communeLabels(communes)) if (normalised(label) === wanted) return commune;
  const byCode = communes.find((commune) => commune.code === text.trim());
  if (byCode) return byCode;
  const byName = communes.filter((commune) => normalised(commune.name) === wanted);
  return byName.length === 1 ? byName[0]! : null;
}

function isType(value: string): value is OrganisationType {
  return (ORGANISATION_TYPES as readonly string[]).includes(value);
}

export type Checked = { ok: true; request: NewOrganisation } | { ok: false; problems: FieldProblem[] };

export function checkOrganisation(answers: OrganisationAnswers, communes: Commune[], t: TFunction): Checked {
  const problems: FieldProblem[] = [];
  const taxCode = checkTaxCode(answers.taxCode);
  if (!taxCode.ok) {
    const message = {
      empty: t('organisation.missing.taxCode'),
      format: t('organisation.taxCodeFormat'),
      checkDigit: t('organisation.taxCodeCheckDigit'),
      branch: t('organisation.taxCodeBranch'),
    }[taxCode.reason];
    problems.push({ fieldId: FIELD_IDS.taxCode, message });
  }
  const name = answers.name.trim();
  if (!name) problems.push({ fieldId: FIELD_IDS.name, message: t('organisation.missing.name') });
  if (!isType(answers.type)) problems.push({ fieldId: FIELD_IDS.type, message: t('organisation.missing.type') });
  const address = answers.address.trim();
  if (!address) problems.push({ fieldId: FIELD_IDS.address, message: t('organisation.missing.address') });
  const commune = matchCommune(answers.commune, communes);
  if (!commune) {
    problems.push({
      fieldId: FIELD_IDS.communeCode,
      message: answers.commune.trim()
        ? t('organisation.communeUnknown', { name: answers.commune.trim() })
        : t('organisation.missing.communeCode'),
    });
  }
  if (problems.length > 0 || !taxCode.ok || !commune || !isType(answers.type)) return { ok: false, problems };
  return { ok: true, request: { taxCode: taxCode.value, name, type: answers.type, address, communeCode: commune.code } };
}

function fieldIdOf(field: string | null): string | undefined {
  return field && field in FIELD_IDS ? FIELD_IDS[field as keyof typeof FIELD_IDS] : undefined;
}

/** The server's refusal, each message next to its field; the uniqueness rule explained in our words. */
export function problemsFromServer(problem: Problem, described: Described, t: TFunction): FieldProblem[] {
  if (problem.status === 409 && problem.rule === 'tax-code-unique')
    return [{ fieldId: FIELD_IDS.taxCode, message: t('organisation.taxCodeTaken') }];
  const found: FieldProblem[] = problem.errors.map((error) => {
    const fieldId = fieldIdOf(error.field);
    return fieldId ? { fieldId, message: error.message, lang: SERVER_LANGUAGE } : { message: error.message, lang: SERVER_LANGUAGE };
  });
  if (found.length > 0) {
    const order = Object.values(FIELD_IDS) as string[];
    return found.sort((a, b) => order.indexOf(a.fieldId ?? '') - order.indexOf(b.fieldId ?? ''));
  }
  return [{ message: described.message, lang: described.lang }];
}
