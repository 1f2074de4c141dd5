export default definePageConfig({ navigationBarTitleText: '家人邀请' });
