import { Image, Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { DOCUMENT_STATUS_LABELS, type DocumentStatus } from '@domain/visit-record';
import type { RecordDocument } from '@domain/schemas-staff';
import { a11y, BigButton, Heading } from '@/components';
import { stores } from '@/wiring';
import { PrivateImage } from './private-image';

/** One document of the checklist: photos, 已收 / 客户暂时没有, and whether the original is taken away. */
const DocumentItem = observer(({ doc }: { doc: RecordDocument }) => {
  const { task, writes } = stores.staff;
  const uploaded = task.staffPhotosOf(doc.key);
  const waiting = (task.record?.waitingPhotos ?? []).filter((p) => p.itemKey === doc.key);
  const status = doc.status as DocumentStatus;
  const count = uploaded.length + waiting.length;
  return (
    <View className='card doc' data-testid={`doc-${doc.key}`}>
      <Text className='text strong'>{doc.label}</Text>
      <Text className='text'>
        {DOCUMENT_STATUS_LABELS[status]}
        {count ? `，已拍 ${count} 张` : ''}
        {doc.originalTaken ? '，原件带走' : ''}
      </Text>
      {count ? (
        <View className='doc__photos'>
          {uploaded.map((f, i) => (
            <PrivateImage key={f.id} url={f.url} label={`${doc.label}第 ${i + 1} 张照片`} className='doc__photo' />
          ))}
          {waiting.map((p, i) => (
            <Image key={p.key} className='doc__photo' src={p.localPath} mode='aspectFill' {...a11y(`${doc.label}第 ${uploaded.length + i + 1} 张照片（等待发送）`, 'img')} />
          ))}
        </View>
      ) : null}
      {writes.canTakePhotos ? (
        <BigButton label='拍照' spokenName={`给${doc.label}拍照`} variant='secondary' busy={writes.takingPhoto} busyLabel='正在打开相机…' onTap={() => void writes.addPhoto(doc.key)} />
      ) : null}
      <View className='choices'>
        <BigButton label='已收' spokenName={`${doc.label}：已收`} variant='choice' selected={status === 'collected'} onTap={() => writes.setDocument(doc.key, 'collected', doc.originalTaken)} />
        <BigButton label='客户暂时没有' spokenName={`${doc.label}：客户暂时没有`} variant='choice' selected={status === 'not_available'} onTap={() => writes.setDocument(doc.key, 'not_available', false)} />
      </View>
      {status === 'collected' ? (
        <BigButton label='原件带走' spokenName={`${doc.label}：原件带走`} variant='choice' selected={doc.originalTaken} onTap={() => writes.setDocument(doc.key, 'collected', !doc.originalTaken)} />
      ) : null}
    </View>
  );
});

/** 原件交接单: the originals taken away, which the customer also sees on their visit page. */
export const Handover = observer(() => {
  const handover = stores.staff.task.record?.record.handover ?? [];
  if (!handover.length) return null;
  return (
    <View className='card' data-testid='handover'>
      <Heading level={2}>原件交接单</Heading>
      <Text className='text'>您带走了这些原件（客户在自己的手机上也能看到）：</Text>
      {handover.map((h, i) => (
        <Text key={h.label} className='list-line'>
          {i + 1}. {h.label}
        </Text>
      ))}
    </View>
  );
});

/** Claim visits: every document the claim type needs, in the order the customer was told. */
export const ClaimChecklist = observer(() => {
  const documents = stores.staff.task.record?.record.documents ?? [];
  if (!documents.length) return null;
  return (
    <View>
      <Heading level={2}>要收的材料（{documents.length} 项）</Heading>
      <Text className='text muted'>每一项拍照后点“已收”；客户没有的点“客户暂时没有”。</Text>
      {documents.map((d) => (
        <DocumentItem key={d.key} doc={d} />
      ))}
      <Handover />
    </View>
  );
});
