import { useRef, type KeyboardEvent, type ReactNode } from 'react';
import { DOCK_TABS, type DockTab } from '../../state/slices/ui';
import { useBoardStore } from '../../state/board-store';

export const dockTabId = (base: string, tab: DockTab) => `${base}-tab-${tab}`;
export const dockPanelId = (base: string, tab: DockTab) => `${base}-panel-${tab}`;

interface Props {
  /** A page-unique prefix for the tabs' and panels' ids. */
  base: string;
  label: string;
  names: Record<DockTab, string>;
  /** What each tab says beside its name (a count, "2 venter"), in words; null for nothing. */
  badges: Record<DockTab, ReactNode>;
}

/**
 * The dock's tab row (WAI-ARIA tabs, automatic activation): one panel in view at a time, so
 * the tool the facilitator works with sits at the top of the dock instead of 3,000 px down a
 * column. Arrow keys move between tabs, Home and End to the ends; only the selected tab is in
 * the Tab order, so the keyboard reaches the panel in one step.
 */
export function DockTabs({ base, label, names, badges }: Props) {
  const selected = useBoardStore((s) => s.dockTab);
  const setDockTab = useBoardStore((s) => s.setDockTab);
  const row = useRef<HTMLDivElement>(null);

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const at = DOCK_TABS.indexOf(selected);
    const next =
      event.key === 'ArrowRight' || event.key === 'ArrowDown'
        ? DOCK_TABS[(at + 1) % DOCK_TABS.length]
        : event.key === 'ArrowLeft' || event.key === 'ArrowUp'
          ? DOCK_TABS[(at - 1 + DOCK_TABS.length) % DOCK_TABS.length]
          : event.key === 'Home'
            ? DOCK_TABS[0]
            : event.key === 'End'
              ? DOCK_TABS[DOCK_TABS.length - 1]
              : null;
    if (!next) return;
    event.preventDefault();
    setDockTab(next);
    row.current?.querySelector<HTMLElement>(`#${CSS.escape(dockTabId(base, next))}`)?.focus();
  };

  return (
    <div ref={row} role="tablist" aria-label={label} className="dock-tabs" onKeyDown={move}>
      {DOCK_TABS.map((tab) => (
        <button
          key={tab}
          id={dockTabId(base, tab)}
          type="button"
          role="tab"
          className="dock-tabs__tab"
          aria-selected={tab === selected}
          aria-controls={dockPanelId(base, tab)}
          tabIndex={tab === selected ? 0 : -1}
          data-dock-tab={tab}
          onClick={() => setDockTab(tab)}
        >
          <span>{names[tab]}</span>
          {badges[tab]}
        </button>
      ))}
    </div>
  );
}
