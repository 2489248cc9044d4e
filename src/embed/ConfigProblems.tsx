import { useMessages } from '../i18n';
import '../i18n/panelTexts';

/** The configuration's problems, listed where the agent (and their administrator) can read them. */
export function ConfigProblems({ problems }: { problems: readonly string[] }) {
  const { t } = useMessages();
  if (problems.length === 0) return null;
  return (
    <section className="config-problems" aria-labelledby="config-problems-heading">
      <p id="config-problems-heading" className="config-problems__heading">
        {t('config.problemsHeading', { count: problems.length })}
      </p>
      <ul className="config-problems__list">
        {/* Not translated (README): laid out and read as English in an Arabic panel too (review). */}
        {problems.map((problem) => (
          <li key={problem} dir="ltr" lang="en">
            {problem}
          </li>
        ))}
      </ul>
    </section>
  );
}
