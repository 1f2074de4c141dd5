export default definePageConfig({ navigationBarTitleText: '就医陪诊：选医院' });
