import type { Catalog } from './en';

export const de = {
  'panel.title': 'Falldaten',
  'panel.loadFailed': 'Die Chats konnten nicht geladen werden.',
  'panel.tryAgain': 'Erneut versuchen',
  'panel.loading': 'Chats werden geladen…',
  'panel.chatUnknown': 'Chat {chatId} gehört nicht zu den Chats dieses Agenten.',
  'panel.noActiveChat': 'Kein aktiver Chat. Wählen Sie oben einen aus, sobald ein Chat eintrifft.',
  'panel.chatLabel': 'Chat {chatId}',
  'panel.userDataHeading': 'Benutzerdaten',

  'chatPicker.label': 'Chat',
  'chatPicker.choose': 'Chat auswählen',
  'chatPicker.option': '{customer} · {state} · {chatId}',
  'chatPicker.optionNoCustomer': '{state} · {chatId}',

  'chatState.Invited': 'Eingeladen',
  'chatState.Chatting': 'Im Gespräch',
  'chatState.LeftChat': 'Verlassen',
  'chatState.Completed': 'Abgeschlossen',
  'chatState.Revoked': 'Zurückgezogen',

  'connection.connecting': 'Verbinden…',
  'connection.live': 'Live',
  'connection.reconnectingIn': 'Neuer Verbindungsversuch in {seconds} s…',
  'connection.reconnecting': 'Neuer Verbindungsversuch…',
  'connection.sessionExpired': 'Sitzung abgelaufen: Bitte melden Sie sich erneut an. Ihre Änderungen bleiben erhalten.',
  'connection.offline': 'Offline',
  'connection.rejected': { one: '{count} fehlerhafte Benachrichtigung ignoriert', other: '{count} fehlerhafte Benachrichtigungen ignoriert' },

  'participants.heading': 'Teilnehmer',
  'participants.none': 'Diesem Chat ist noch niemand beigetreten.',
  'participants.noNickname': '(kein Name)',
  'participantType.Customer': 'Kunde',
  'participantType.Agent': 'Agent',
  'participantType.External': 'Extern',

  'config.problemsHeading': {
    one: 'Die Konfiguration des Panels hat {count} Fehler; diese Einstellung wurde ignoriert:',
    other: 'Die Konfiguration des Panels hat {count} Fehler; diese Einstellungen wurden ignoriert:',
  },

  'framing.title': 'Das Falldaten-Panel kann hier nicht angezeigt werden',
  'framing.notAllowed': 'Diese Seite ({origin}) darf das Panel nicht einbetten.',
  'framing.unknownHost': 'Die einbettende Seite steht nicht auf der Liste der erlaubten Host-Origins.',
  'framing.fix': 'Ein Administrator kann diesen Origin in der config.json des Panels unter "allowedHostOrigins" eintragen.',
  'framing.openDirectly': 'Panel in eigenem Fenster öffnen',

  'popOut.blockedStorage': 'Ihr Browser blockiert Cookies oder Speicher für das Panel auf dieser Seite, daher kann es Ihre Genesys-Sitzung hier nicht nutzen.',
  'popOut.maybeBlocked': 'Falls Sie bei Genesys angemeldet sind, blockiert Ihr Browser möglicherweise das Sitzungs-Cookie auf dieser Seite.',
  'popOut.open': 'In neuem Fenster öffnen',
  'popOut.allowAccess': 'Zugriff erlauben',
  'popOut.accessDenied': 'Der Browser hat den Zugriff nicht gewährt. Verwenden Sie ein neues Fenster.',

  'diagnostics.summary': 'Diagnose',
  'diagnostics.protocol': 'Version des Host-Protokolls',
  'diagnostics.hostOrigin': 'Host-Origin',
  'diagnostics.hostOriginUnknown': 'noch unbekannt',
  'diagnostics.allowedOrigins': 'Erlaubte Host-Origins',
  'diagnostics.none': 'keine',
  'diagnostics.accepted': 'Angenommene Nachrichten',
  'diagnostics.answeredWithError': 'Mit Fehler beantwortete Nachrichten',
  'diagnostics.rejected': 'Abgewiesene Nachrichten',
  'diagnostics.recent': 'Letzte Abweisungen',
  'diagnostics.reason.origin-not-allowed': 'Origin {origin} ist nicht erlaubt',
  'diagnostics.reason.not-from-parent': 'von {origin}, aber nicht von der einbettenden Seite',
} as const satisfies Catalog;
