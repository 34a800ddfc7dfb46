import { useEffect, useRef, type ReactNode } from 'react';

/**
 * A modal box over the page: focus moves into it and returns where it was when it closes; Esc closes
 * it (and does not also go back a screen); Tab stays inside.
 */
export function Dialog({
  title,
  onClose,
  children,
  testId,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const boxRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const before = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const first = boxRef.current?.querySelector<HTMLElement>('[data-autofocus], input, select, button');
    first?.focus();
    if (first instanceof HTMLInputElement) first.select();
    return () => before?.focus();
  }, []);
  return (
    <div className="dialog-backdrop" onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <div
        ref={boxRef}
        className="dialog"
        role="dialog"
        aria-modal="true"
        aria-label={title}
        data-testid={testId}
        onKeyDown={(e) => {
          if (e.key === 'Escape') {
            e.preventDefault();
            e.stopPropagation();
            onClose();
          } else if (e.key === 'Tab') {
            const focusable = Array.from(
              boxRef.current?.querySelectorAll<HTMLElement>('input, select, button, [tabindex="0"]') ?? [],
            );
            const first = focusable[0];
            const last = focusable[focusable.length - 1];
            if (e.shiftKey && document.activeElement === first) {
              e.preventDefault();
              last?.focus();
            } else if (!e.shiftKey && document.activeElement === last) {
              e.preventDefault();
              first?.focus();
            }
          }
          // Keys typed in the box are the box's: no screen shortcut acts behind it.
          e.stopPropagation();
        }}
      >
        <h2 className="dialog-title">{title}</h2>
        {children}
      </div>
    </div>
  );
}
