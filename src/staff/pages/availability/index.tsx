import { Text } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { BigButton, Heading, Loading, Notice, PageShell } from '@/components';
import { useSessionGate } from '@/hooks/use-session-gate';
import { useShowLoad } from '@/hooks/use-show-load';
import { nav, ROUTES } from '@/platform/nav';
import { GateFallback } from '@/parts/gate-fallback';
import { stores } from '@/wiring';
import { AreaSection, SkillsSection } from '../../parts/area-section';
import { HoursSection } from '../../parts/hours-section';
import { LeaveSection } from '../../parts/leave-section';
import '../../parts/staff.scss';

const SAVED: Record<string, string> = { hours: '工作时间已保存', area: '服务区域已保存', leave: '请假已提交' };

/** My working hours, leave and area (by tap); skills and certificates shown. */
const AvailabilityPage = observer(() => {
  const { availability: a } = stores.staff;
  const ready = useSessionGate('staff');
  useShowLoad(ready, () => void a.load());
  if (!ready) return <GateFallback />;
  return (
    <PageShell>
      <Heading>我的时间和区域</Heading>
      <Text className='text'>系统只会在您的工作时间、服务区域里给您派新任务。</Text>
      {a.state === 'loading' && !a.data ? <Loading text='正在打开…' /> : null}
      {a.state === 'error' ? (
        <Notice tone='error' title='没有加载出来' text={a.error ?? undefined}>
          <BigButton label='重试' onTap={() => void a.load()} />
        </Notice>
      ) : null}
      {a.saveError ? <Notice tone='error' text={a.saveError} testId='save-error' /> : null}
      {a.saved ? <Notice tone='success' title={SAVED[a.saved] ?? '已撤回'} testId='saved' /> : null}
      {a.data ? <HoursSection /> : null}
      {a.data ? <LeaveSection /> : null}
      {a.data ? <AreaSection /> : null}
      <SkillsSection />
      <BigButton label='回到任务列表' variant='quiet' onTap={() => void nav.back(ROUTES.staffTasks)} />
    </PageShell>
  );
});

export default AvailabilityPage;
