export default definePageConfig({ navigationBarTitleText: '上门时间' });
