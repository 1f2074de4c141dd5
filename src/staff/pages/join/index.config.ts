export default definePageConfig({ navigationBarTitleText: '加入安心上门' });
