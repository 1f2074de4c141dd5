import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import type { BookingView, CustomerRecord } from '@domain/schemas';
import { Heading, roleAttrs } from '@/components';
import type { VisitPhotos } from '@/stores/visit-photos';
import { stores } from '@/wiring';
import { documentLine, documentsSummary, milestoneLine, signedLine } from '../record-text';
import { DocPhotos } from './doc-photos';
import { HandoverCard } from './handover-card';

const MARK = { collected: '✓ ', not_available: '— ', pending: '○ ' } as const;

/** Each document's line, then the staff member's photos of it (their order is the checklist's: doc-0…). */
const ClaimDocuments = observer(({ r, photos }: { r: CustomerRecord; photos: VisitPhotos }) => (
  <View className='card' data-testid='record-documents'>
    <Text className='text strong'>{documentsSummary(r.documents)}</Text>
    <View {...roleAttrs('list')} aria-label='材料清单'>
      {r.documents.map((d, i) => (
        <View key={`${i}-${d.label}`} className='record__doc' {...roleAttrs('listitem')}>
          <Text className='text' data-testid='record-doc'>
            {MARK[d.status]}
            {documentLine(d)}
          </Text>
          <DocPhotos photos={photos.photosOf(i)} label={d.label} />
        </View>
      ))}
    </View>
  </View>
));

function Milestones({ r, pickUp }: { r: CustomerRecord; pickUp: boolean }) {
  return (
    <View className='card' {...roleAttrs('list')} aria-label='陪诊进度' data-testid='record-milestones'>
      {r.milestones.map((m) => (
        <Text key={m.key} className={`text record__item ${m.doneAt ? 'strong' : ''}`} {...roleAttrs('listitem')} data-testid='record-milestone'>
          {milestoneLine(m, pickUp)}
        </Text>
      ))}
    </View>
  );
}

/**
 * From arrival on: what the staff member has done, as they record it (the page follows along).
 * `signer`: null when the elder reads it ("您已签名"), else the elder's name (a relative reads it).
 */
export const RecordCard = observer(({ b, signer }: { b: BookingView; signer: string | null }) => {
  const r = b.record;
  if (!r) return null;
  const who = b.staff?.title ?? '服务人员';
  const claim = b.serviceType === 'claim';
  return (
    <View className='section' data-testid='visit-record'>
      <Heading level={2}>{claim ? '这次上门办了什么' : '陪诊进度'}</Heading>
      {claim ? <ClaimDocuments r={r} photos={stores.visits.photos} /> : <Milestones r={r} pickUp={b.escort?.pickUp ?? false} />}
      {claim ? <HandoverCard handover={r.handover} who={who} /> : null}
      {r.signedAt ? (
        <Text className='text strong record__signed' data-testid='record-signed'>
          ✓ {signedLine(r.signedAt, signer)}
        </Text>
      ) : null}
    </View>
  );
});
