import { Text, View } from '@tarojs/components';
import { observer } from 'mobx-react-lite';
import { useState } from 'react';
import { formatChinaClock, formatChinaDay } from '@domain/time';
import { BigButton, Notice } from '@/components';
import { copyText, shareLinkFor } from '@/platform/share';
import type { IssuedInvitation } from '@/stores/dispatch-new-staff-store';

/** The invitation, shown once: the page path, the full H5 link to copy, and until when it works. */
export const InvitationNotice = observer(({ issued }: { issued: IssuedInvitation }) => {
  const [copied, setCopied] = useState<boolean | null>(null);
  const { staff, invitation } = issued;
  const link = shareLinkFor(invitation.sharePath);
  const until = `${formatChinaDay(invitation.expiresAt)} ${formatChinaClock(invitation.expiresAt)}`;
  const title = issued.kind === 'created' ? `${staff.name}（工号 ${staff.staffNo}）的账号已建好` : `已给${staff.name}（工号 ${staff.staffNo}）重新发了邀请`;
  return (
    <Notice tone='success' title={title} text={`请把邀请链接发到他（她）的工作手机上，打开后就加入了。${until}前有效，只能用一次；这个链接只显示这一次。`} testId='staff-invitation'>
      <View>
        {link ? (
          <View>
            <Text className='text strong'>邀请链接（浏览器）：</Text>
            <Text className='invite-link' data-testid='invitation-link' userSelect>
              {link}
            </Text>
            <BigButton label='复制链接' onTap={() => void copyText(link).then(setCopied)} />
            {copied === true ? <Text className='text strong'>✓ 已复制。</Text> : null}
            {copied === false ? <Text className='text strong'>没有复制成功，请选中上面的链接，再复制。</Text> : null}
          </View>
        ) : null}
        <Text className='text strong'>小程序路径（生成二维码用）：</Text>
        <Text className='invite-link' data-testid='invitation-path' userSelect>
          {invitation.sharePath}
        </Text>
        {issued.kind === 'reissued' ? <Text className='text'>如果之前发过邀请，请以这一次的链接为准。</Text> : null}
      </View>
    </Notice>
  );
});
