export default definePageConfig({ navigationBarTitleText: '就医陪诊' });
