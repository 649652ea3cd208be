import { MEMBER_ROLE_KEYS, personKey, ROLES_WITH_PORTFOLIO_HOLDER } from '@regie/core/browser';
import { Alert, Paragraph } from '@utrecht/component-library-react';
import { useFormContext, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Fieldset } from '../../ui/Fieldset';
import { type FormParts, RoleFields } from './RtvbFields';
import type { RolesValues } from './steering-form';

/** The member whose own opdrachtgever and eigenaar share a portfolio holder (SPEC §4.2 per member), if any. */
function MemberConflict({ index, name }: { index: number; name: string }) {
  const { t } = useTranslation();
  const { control } = useFormContext<RolesValues>();
  const [client, owner] = useWatch({
    control,
    name: [`members.${index}.opdrachtgever.portfolioHolder`, `members.${index}.eigenaar.portfolioHolder`],
  });
  const same = client?.trim() && owner?.trim() && personKey(client) === personKey(owner);
  return (
    <div aria-live="polite" className="regie-outcome">
      {same ? (
        <Alert type="warning">
          <Paragraph>{t('rtvb.memberConflict', { member: name, holder: client.trim() })}</Paragraph>
        </Alert>
      ) : null}
    </div>
  );
}

/**
 * A GR's roles per participating municipality (issue 14): one fieldset per member, with its own opdrachtgever,
 * eigenaar and bestuurlijk and ambtelijk opdrachtgever, each with its RTVB. The members are the GR's own (the API
 * refuses any other), so there is nothing to add or remove: a member left empty is not sent.
 */
export function MemberRolesFields({ parts, only }: { parts: FormParts; only?: string }) {
  const { t } = useTranslation();
  const { getValues } = useFormContext<RolesValues>();
  const members = getValues('members');
  if (members.length === 0) return null;
  return (
    <Fieldset id={parts.id('members')} legend={t('rtvb.membersLegend')} hint={t('rtvb.membersHint')}>
      {members.map((member, i) =>
        // A member municipality edits its own row only; the index stays the row's place in the whole list.
        only !== undefined && member.space !== only ? null : (
          <Fieldset
            key={member.space}
            id={parts.id(`members.${i}.space`)}
            legend={member.name}
            error={parts.errorFor(`members.${i}.space`)}
            className="regie-fieldset--member"
          >
            {MEMBER_ROLE_KEYS.map((key) => (
              <Fieldset
                key={key}
                id={parts.id(`members.${i}.${key}`)}
                legend={`${t(`steering.roles.${key}`)} — ${member.name}`}
                hint={t(`steering.roleHints.${key}`)}
              >
                <RoleFields
                  prefix={`members.${i}.${key}`}
                  withHolder={ROLES_WITH_PORTFOLIO_HOLDER.includes(key)}
                  parts={parts}
                />
              </Fieldset>
            ))}
            <MemberConflict index={i} name={member.name} />
          </Fieldset>
        ),
      )}
    </Fieldset>
  );
}
