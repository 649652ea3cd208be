import { Button, ButtonGroup, Heading2, Paragraph } from '@utrecht/component-library-react';
import { type ReactNode, useCallback, useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';

/** What to do with the native dialog when `open` changes: show it as modal, close it, or nothing. */
export function dialogStep(wanted: boolean, shown: boolean): 'show' | 'close' | null {
  if (wanted && !shown) return 'show';
  if (!wanted && shown) return 'close';
  return null;
}

/**
 * A modal question on the native `<dialog>`: the browser traps focus inside it, Escape cancels, and focus
 * returns to the button that opened it when it closes. Named by its title, described by its text. The safe
 * answer (cancel) gets focus first, so Enter never confirms by accident.
 */
export function ConfirmDialog({
  open,
  title,
  children,
  confirmLabel,
  cancelLabel,
  onConfirm,
  onCancel,
  testId,
}: {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel?: string;
  cancelLabel?: string;
  onConfirm: () => void;
  onCancel: () => void;
  testId?: string;
}) {
  const { t } = useTranslation();
  const id = useId();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    const step = dialogStep(open, dialog.open);
    if (step === 'show') dialog.showModal();
    if (step === 'close') dialog.close();
  }, [open]);
  return (
    <dialog
      ref={ref}
      className="regie-dialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      data-testid={testId}
      // Escape: the browser would close it behind React's back; let the state decide instead.
      onCancel={(event) => {
        event.preventDefault();
        onCancel();
      }}
    >
      <Heading2 id={`${id}-title`}>{title}</Heading2>
      <div id={`${id}-text`}>
        {typeof children === 'string' ? <Paragraph>{children}</Paragraph> : children}
      </div>
      <ButtonGroup>
        <Button appearance="primary-action-button" onClick={onConfirm}>
          {confirmLabel ?? t('ui.confirm')}
        </Button>
        <Button appearance="secondary-action-button" onClick={onCancel} autoFocus>
          {cancelLabel ?? t('ui.cancel')}
        </Button>
      </ButtonGroup>
    </dialog>
  );
}

/**
 * `confirm(question)` resolves true or false once the user answers the dialog it renders, so an action can
 * ask first: `if (await confirm({ title, text })) run()`.
 */
export function useConfirm(): {
  confirm: (question: { title: string; text: ReactNode; confirmLabel?: string }) => Promise<boolean>;
  dialog: ReactNode;
} {
  const [question, setQuestion] = useState<{
    title: string;
    text: ReactNode;
    confirmLabel?: string;
    answer: (yes: boolean) => void;
  } | null>(null);
  const confirm = useCallback(
    (q: { title: string; text: ReactNode; confirmLabel?: string }) =>
      new Promise<boolean>((resolve) => setQuestion({ ...q, answer: resolve })),
    [],
  );
  const answer = (yes: boolean) => {
    question?.answer(yes);
    setQuestion(null);
  };
  const dialog = (
    <ConfirmDialog
      open={question !== null}
      title={question?.title ?? ''}
      confirmLabel={question?.confirmLabel}
      onConfirm={() => answer(true)}
      onCancel={() => answer(false)}
    >
      {question?.text ?? ''}
    </ConfirmDialog>
  );
  return { confirm, dialog };
}
