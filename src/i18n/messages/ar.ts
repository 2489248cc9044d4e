import type { Catalog } from './en';

// Arabic proves the right-to-left path; its six plural categories prove the plural path.
export const ar = {
  'panel.title': 'بيانات الحالة',
  'panel.loadFailed': 'تعذّر تحميل المحادثات.',
  'panel.tryAgain': 'إعادة المحاولة',
  'panel.loading': 'جارٍ تحميل المحادثات…',
  'panel.chatUnknown': 'المحادثة {chatId} ليست من محادثات هذا الوكيل.',
  'panel.noActiveChat': 'لا توجد محادثة نشطة. اختر محادثة من الأعلى عند وصولها.',
  'panel.chatLabel': 'المحادثة {chatId}',
  'panel.userDataHeading': 'بيانات المستخدم',

  'chatPicker.label': 'المحادثة',
  'chatPicker.choose': 'اختر محادثة',
  'chatPicker.option': '{customer} · {state} · {chatId}',
  'chatPicker.optionNoCustomer': '{state} · {chatId}',

  'chatState.Invited': 'مدعو',
  'chatState.Chatting': 'قيد المحادثة',
  'chatState.LeftChat': 'غادر المحادثة',
  'chatState.Completed': 'مكتملة',
  'chatState.Revoked': 'ملغاة',

  'connection.connecting': 'جارٍ الاتصال…',
  'connection.live': 'متصل',
  'connection.reconnectingIn': 'إعادة الاتصال خلال {seconds} ث…',
  'connection.reconnecting': 'جارٍ إعادة الاتصال…',
  'connection.sessionExpired': 'انتهت الجلسة: سجّل الدخول مجددًا للمتابعة. تعديلاتك محفوظة.',
  'connection.offline': 'غير متصل',
  'connection.rejected': {
    zero: 'لم يتم تجاهل أي إشعار',
    one: 'تم تجاهل إشعار واحد تالف',
    two: 'تم تجاهل إشعارين تالفين',
    few: 'تم تجاهل {count} إشعارات تالفة',
    many: 'تم تجاهل {count} إشعارًا تالفًا',
    other: 'تم تجاهل {count} إشعار تالف',
  },

  'participants.heading': 'المشاركون',
  'participants.none': 'لم ينضم أحد إلى هذه المحادثة.',
  'participants.noNickname': '(بلا اسم)',
  'participantType.Customer': 'عميل',
  'participantType.Agent': 'وكيل',
  'participantType.External': 'خارجي',

  'config.problemsHeading': {
    one: 'في إعدادات اللوحة مشكلة واحدة؛ تم تجاهل الإعداد:',
    two: 'في إعدادات اللوحة مشكلتان؛ تم تجاهل الإعدادين:',
    few: 'في إعدادات اللوحة {count} مشكلات؛ تم تجاهل تلك الإعدادات:',
    many: 'في إعدادات اللوحة {count} مشكلة؛ تم تجاهل تلك الإعدادات:',
    other: 'في إعدادات اللوحة {count} مشكلة؛ تم تجاهل تلك الإعدادات:',
  },

  'framing.title': 'لا يمكن عرض لوحة بيانات الحالة هنا',
  'framing.notAllowed': 'هذه الصفحة ({origin}) غير مسموح لها بتضمين اللوحة.',
  'framing.unknownHost': 'الصفحة التي تضمّن اللوحة ليست ضمن قائمة المصادر المسموح بها.',
  'framing.fix': 'يمكن للمسؤول إضافة هذا المصدر إلى "allowedHostOrigins" في ملف config.json الخاص باللوحة.',
  'framing.openDirectly': 'افتح اللوحة في نافذة مستقلة',

  'popOut.blockedStorage': 'يحظر متصفحك ملفات تعريف الارتباط أو التخزين للوحة داخل هذه الصفحة، لذا لا يمكنها استخدام جلسة Genesys هنا.',
  'popOut.maybeBlocked': 'إذا كنت مسجّل الدخول إلى Genesys، فقد يكون متصفحك يحظر ملف تعريف ارتباط الجلسة داخل هذه الصفحة.',
  'popOut.open': 'فتح في نافذة جديدة',
  'popOut.allowAccess': 'السماح بالوصول',
  'popOut.accessDenied': 'لم يمنح المتصفح الإذن. استخدم نافذة جديدة بدلًا من ذلك.',

  'diagnostics.summary': 'التشخيص',
  'diagnostics.protocol': 'إصدار بروتوكول المضيف',
  'diagnostics.hostOrigin': 'مصدر المضيف',
  'diagnostics.hostOriginUnknown': 'غير معروف بعد',
  'diagnostics.allowedOrigins': 'مصادر المضيف المسموح بها',
  'diagnostics.none': 'لا شيء',
  'diagnostics.accepted': 'الرسائل المقبولة',
  'diagnostics.answeredWithError': 'الرسائل التي رُدّ عليها بخطأ',
  'diagnostics.rejected': 'الرسائل المرفوضة',
  'diagnostics.recent': 'آخر الرسائل المرفوضة',
  'diagnostics.reason.origin-not-allowed': 'المصدر {origin} غير مسموح به',
  'diagnostics.reason.not-from-parent': 'من {origin}، لكن ليس من الصفحة المضمِّنة',
} as const satisfies Catalog;
