import { Button, Textfield } from '@digdir/designsystemet-react';
import { SEARCH_LIMITS, type SearchHit, type SearchResultView } from '@fellesplan/domain';
import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from '../i18n/useTranslation.js';
import { api } from '../api/client.js';
import { revealPassage } from './passageTarget.js';
import { useDebouncedValue } from './useDebouncedValue.js';

const DEBOUNCE_MS = 300;

/** The passage with the match in bold, as the server cut it. */
function Snippet({ hit }: { hit: SearchHit }) {
  const { start, end } = hit.snippetMatch;
  return (
    <>
      {hit.snippet.slice(0, start)}
      <mark>{hit.snippet.slice(start, end)}</mark>
      {hit.snippet.slice(end)}
    </>
  );
}

/**
 * Search across the whole plan on the server, sections not mounted included. Results are grouped
 * by section; choosing one scrolls there and shows the passage or the thread.
 */
export function PlanSearch({ planId }: { planId: string }) {
  const { t } = useTranslation();
  const [query, setQuery] = useState('');
  const settled = useDebouncedValue(query.trim(), DEBOUNCE_MS);
  const [result, setResult] = useState<SearchResultView | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const [submitted, setSubmitted] = useState<string | null>(null);
  const effective = submitted ?? settled;

  useEffect(() => {
    setError(null);
    if (effective.length < SEARCH_LIMITS.queryMin) {
      setResult(null);
      return undefined;
    }
    let current = true;
    setSearching(true);
    api
      .search(planId, effective)
      .then((answer) => current && setResult(answer))
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : t('app.error')))
      .finally(() => current && setSearching(false));
    return () => {
      current = false;
    };
  }, [planId, effective, t]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setSubmitted(query.trim());
  };
  const shown = result?.sections.reduce((n, s) => n + s.hits.length, 0) ?? 0;
  const status = searching
    ? t('search.searching')
    : error
      ? error
      : query.trim().length > 0 && query.trim().length < SEARCH_LIMITS.queryMin
        ? t('search.tooShort')
        : !result
          ? ''
          : result.total === 0
            ? t('search.none', { query: result.query })
            : result.truncated
              ? t('search.resultsTruncated', { count: result.total, shown })
              : t('search.results', { count: result.total });

  return (
    <form
      role="search"
      aria-label={t('search.label')}
      className="plan-search"
      onSubmit={submit}
      data-testid="search.form"
    >
      <div className="plan-search__row">
        <Textfield
          label={t('search.label')}
          type="search"
          data-size="sm"
          value={query}
          maxLength={SEARCH_LIMITS.queryMax}
          placeholder={t('search.placeholder')}
          onChange={(e) => {
            setQuery(e.target.value);
            setSubmitted(null);
          }}
          data-testid="search.input"
        />
        <Button type="submit" data-size="sm" variant="secondary">
          {t('search.submit')}
        </Button>
      </div>
      <div role="status" className="plan-search__status" data-testid="search.status">
        {status}
      </div>
      {result && result.sections.length > 0 && (
        <ol className="plan-search__results" data-testid="search.results">
          {result.sections.map((group) => (
            <li key={group.sectionId}>
              <span className="plan-search__section">{t('search.resultsFor', { section: group.title })}</span>
              <ul>
                {group.hits.map((hit, index) => (
                  <li key={`${hit.kind}-${hit.commentId ?? ''}-${index}`}>
                    <a
                      href={hit.threadId ? `#thread-${hit.threadId}` : `#section-${group.sectionId}`}
                      data-testid="search.result"
                      data-kind={hit.kind}
                      onClick={(event) => {
                        event.preventDefault();
                        revealPassage({
                          sectionId: group.sectionId,
                          kind: hit.kind === 'title' ? 'section' : hit.kind,
                          query: result.query,
                          occurrence: hit.occurrence,
                          ...(hit.threadId ? { threadId: hit.threadId } : {}),
                        });
                      }}
                    >
                      <span className="plan-search__where">
                        {t(
                          hit.kind === 'title'
                            ? 'search.inTitle'
                            : hit.kind === 'text'
                              ? 'search.inText'
                              : 'search.inComment',
                        )}
                      </span>{' '}
                      <Snippet hit={hit} />
                    </a>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </form>
  );
}
