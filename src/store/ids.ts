import type { Label } from './model.ts';

/**
 * The label of a node from its id, by the id scheme the extractor uses (README: Identity):
 * place:…, enterprise:…, <report>/S1.2, <report>/I001, <report>/G001, <report>/project:…,
 * and a bare report id. Lets every lookup use a label's id constraint instead of a scan.
 */
export function labelForId(id: string): Label | null {
  if (id.startsWith('place:')) return 'Place';
  if (id.startsWith('enterprise:')) return 'Enterprise';
  const slash = id.lastIndexOf('/');
  if (slash < 0) return /^[^/\s]+-\d{4}-[0-9a-f]{12}$/.test(id) ? 'Report' : null;
  const local = id.slice(id.indexOf('/') + 1);
  if (/^S\d+(\.\d+)*$/.test(local) || /^A\d+$/.test(local)) return 'Section';
  if (/^I\d+$/.test(local)) return 'Indicator';
  if (/^G\d+$/.test(local)) return 'Goal';
  if (local.startsWith('project:')) return 'Project';
  return null;
}
