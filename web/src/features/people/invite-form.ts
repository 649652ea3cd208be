import { type Role, type UserInviteInput, userInviteInput } from '@regie/core/browser';
import { formSchema, type IssueAt, keyAt } from '../../lib/form-schema';

/**
 * Inviting a person: name, e-mail and roles as typed and ticked, checked with the API's own schema
 * (`userInviteInput` in core), and the roles against what the space's kind allows (core's `rolesFitSpace`,
 * which the page already used to choose the checkboxes, so this holds unless the page is out of date).
 */

export const INVITE_FIELDS = ['name', 'email', 'roles'] as const;
export type InviteField = (typeof INVITE_FIELDS)[number];
export interface InviteValues {
  name: string;
  email: string;
  roles: string[];
}

export const EMPTY_INVITE: InviteValues = { name: '', email: '', roles: [] };

const key = (name: string) => `people.errors.${name}`;

/** The message key for an issue of `userInviteInput` at a field of the form. */
export function inviteMessage({ path, code }: IssueAt): string {
  if (path === 'name') return key(code === 'too_big' ? 'nameTooLong' : 'nameRequired');
  if (path === 'email') return key('emailInvalid');
  if (path === 'roles' || path.startsWith('roles.')) return key('rolesRequired');
  return key('rejected');
}

/** The API input: the name trimmed (the e-mail is trimmed and lowered by the schema itself). */
export function inviteInput(values: InviteValues): unknown {
  return { name: values.name.trim(), email: values.email.trim(), roles: [...values.roles] };
}

export function inviteSchema(offered: readonly Role[]) {
  return formSchema<InviteValues, UserInviteInput>({
    read: (values) => ({ input: inviteInput(values) }),
    schema: userInviteInput,
    explain: keyAt(inviteMessage),
    check: (input) =>
      input.roles.every((role) => offered.includes(role))
        ? []
        : [{ field: 'roles', key: key('rolesNotFit') }],
  });
}
