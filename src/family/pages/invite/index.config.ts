export default definePageConfig({ navigationBarTitleText: '邀请长辈', enableShareAppMessage: true });
