export default {
  'zh-CN': { staffNo: '工号', name: '姓名', title: '岗位', new: '新增人员', edit: '编辑人员', photo: '照片' },
  en: { staffNo: 'Staff no.', name: 'Name', title: 'Post', new: 'New staff member', edit: 'Edit staff member', photo: 'Photo' },
};
