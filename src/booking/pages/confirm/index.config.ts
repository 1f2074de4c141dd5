export default definePageConfig({ navigationBarTitleText: '核对预约' });
