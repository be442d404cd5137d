/**
 * Stands in for a section's text until it arrives. Designsystemet's Skeleton looks the same but
 * reads every animation of the document when it mounts (to synchronise its pulse): sixty of them
 * on a plan page took half a second of forced style work.
 */
export function SectionPlaceholder() {
  return <span className="ds-skeleton section-card__placeholder" aria-hidden="true" />;
}
