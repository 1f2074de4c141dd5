export default definePageConfig({ navigationBarTitleText: '给服务打分' });
