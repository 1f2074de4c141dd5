import Taro from '@tarojs/taro';
import { MAX_TEMPLATES_PER_REQUEST, SUBSCRIBE_ANSWERS, type SubscribeAnswer } from '@domain/notifications';
import { IS_WEAPP } from './env';

/** WeChat's answer per template id, as requestSubscribeMessage gives it. */
export type SubscribeAnswers = Record<string, SubscribeAnswer>;

/**
 * Shows WeChat's subscribe dialog for these templates (the ids come from the server: at most 3
 * per dialog, WeChat's limit). Must be called synchronously inside the tap handler (before any
 * await): WeChat shows it only from a tap. Resolves with the answer per template; {} where the
 * dialog does not exist (the browser) or when it could not be shown. A refusal never blocks
 * what the person was doing.
 */
export function requestSubscriptions(templateIds: readonly string[]): Promise<SubscribeAnswers> {
  const ids = templateIds.slice(0, MAX_TEMPLATES_PER_REQUEST);
  if (!IS_WEAPP || ids.length === 0) return Promise.resolve({});
  return Taro.requestSubscribeMessage({ tmplIds: ids, entityIds: [] } as unknown as Taro.requestSubscribeMessage.Option).then(
    (res) => {
      const answers: SubscribeAnswers = {};
      for (const id of ids) {
        const answer = (res as unknown as Record<string, unknown>)[id];
        if (SUBSCRIBE_ANSWERS.includes(answer as SubscribeAnswer)) answers[id] = answer as SubscribeAnswer;
      }
      return answers;
    },
    () => ({}),
  );
}
