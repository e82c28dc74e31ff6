export default {
  'zh-CN': { code: '编码', name: '部门名称', shortName: '简称', sortOrder: '排序', new: '新增部门', edit: '编辑部门' },
  en: { code: 'Code', name: 'Name', shortName: 'Short name', sortOrder: 'Order', new: 'New department', edit: 'Edit department' },
};
