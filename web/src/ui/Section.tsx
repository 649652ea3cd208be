import { Heading2 } from '@utrecht/component-library-react';
import type { ReactNode } from 'react';

/** A titled part of a page: a region landmark named by its heading. */
export function Section({
  id,
  title,
  children,
  actions,
}: {
  id: string;
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  return (
    // The id is the section's address (`#budget`), the in-page navigation's and the cockpit's links' target;
    // focusable from script only, so following a link moves a screen reader's reading point there too.
    <section
      id={id}
      tabIndex={-1}
      className="regie-section"
      aria-labelledby={`${id}-heading`}
      data-testid={`section-${id}`}
    >
      <div className="regie-section__top">
        <Heading2 id={`${id}-heading`}>{title}</Heading2>
        {actions}
      </div>
      {children}
    </section>
  );
}
