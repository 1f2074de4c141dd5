export default definePageConfig({ navigationBarTitleText: '客户签名', disableScroll: true });
