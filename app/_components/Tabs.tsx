"use client";
/**
 * Accessible tabs (WAI-ARIA Authoring Practices, tabs with manual activation): arrow keys
 * move between tabs, Home/End jump, Enter/Space or click selects.
 */
import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabDef<Id extends string> {
  id: Id;
  label: ReactNode;
}

export function Tabs<Id extends string>({ tabs, selected, onSelect, label }: { tabs: readonly TabDef<Id>[]; selected: Id; onSelect: (id: Id) => void; label: string }) {
  const refs = useRef(new Map<Id, HTMLButtonElement>());
  const focusAt = (index: number) => {
    const tab = tabs[(index + tabs.length) % tabs.length];
    if (tab) refs.current.get(tab.id)?.focus();
  };
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.key === "ArrowRight") focusAt(index + 1);
    else if (e.key === "ArrowLeft") focusAt(index - 1);
    else if (e.key === "Home") focusAt(0);
    else if (e.key === "End") focusAt(tabs.length - 1);
    else return;
    e.preventDefault();
  };
  return (
    <div className="tabs no-print" role="tablist" aria-label={label}>
      {tabs.map((t, i) => (
        <button
          key={t.id}
          ref={(el) => {
            if (el) refs.current.set(t.id, el);
            else refs.current.delete(t.id);
          }}
          type="button"
          role="tab"
          id={`tab-${t.id}`}
          aria-selected={t.id === selected}
          aria-controls={`panel-${t.id}`}
          tabIndex={t.id === selected ? 0 : -1}
          onClick={() => onSelect(t.id)}
          onKeyDown={(e) => onKeyDown(e, i)}
        >
          {t.label}
        </button>
      ))}
    </div>
  );
}

export function TabPanel({ id, children }: { id: string; children: ReactNode }) {
  return (
    <section role="tabpanel" id={`panel-${id}`} aria-labelledby={`tab-${id}`} className="tab-panel" tabIndex={0}>
      {children}
    </section>
  );
}
