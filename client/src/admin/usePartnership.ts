import type { PartnershipView, PlanSummaryView } from '@fellesplan/domain';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { useOutletContext } from 'react-router-dom';
import { api } from '../api/client.js';

export interface AdminData {
  partnership: PartnershipView;
  /** Every plan of the helsefellesskap, archived ones included. */
  plans: PlanSummaryView[];
  /** Asks the server again, after a command changed something. */
  reload(): Promise<void>;
}

/** The helsefellesskap as its administrators see it, loaded once for the whole admin area. */
export function usePartnership() {
  const { t } = useTranslation();
  const [data, setData] = useState<{ partnership: PartnershipView; plans: PlanSummaryView[] } | null>(null);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(async () => {
    try {
      const partnership = await api.partnership();
      // The partnership lists every plan; without it, the plans the caller's party takes part in.
      const plans = partnership.plans ?? (await api.plans());
      setData({ partnership, plans });
      setError(null);
    } catch (err) {
      setError(err instanceof Error ? err.message : t('app.error'));
    }
  }, [t]);

  useEffect(() => {
    void reload();
  }, [reload]);

  return { data, error, reload };
}

/** The admin area's data inside one of its pages. */
export function useAdminData(): AdminData {
  return useOutletContext<AdminData>();
}
