/**
 * The one message catalogue: every string the web app shows, in English and Spanish.
 * Plain words a family understands, no agency jargon; Spanish uses "usted". `{name}`-style
 * placeholders are filled by `translate`. Zone headings and hints come from `@safetymap/map-model`.
 *
 *   translate('es', 'join.submit') // 'Unirme a la reunión'
 */
import type { Locale } from '@safetymap/map-model'

const en = {
  'app.name': 'SafetyMap',
  'app.loading': 'Loading…',
  'app.retry': 'Try again',

  'language.switch': 'Language',
  'language.en': 'English',
  'language.es': 'Español',

  'error.generic': 'Something went wrong. Please try again.',
  'error.network': 'We cannot reach SafetyMap right now. Check your internet connection and try again.',
  'error.invalidInput': 'Some of the information is missing or not right. Check the form and try again.',
  'error.authRequired': 'Please sign in first.',
  'error.badCredentials': 'That email or password is not right. Check them and try again.',
  'error.setupInvalid':
    'This setup link does not work or has already been used. Ask your administrator for a new one.',
  'error.workerOnly': 'Only staff accounts can do this. Sign in with your work email.',
  'error.originMismatch': 'This request was blocked to keep you safe. Reload the page and try again.',
  'error.inviteInvalid': 'This invite link does not work. Ask the meeting facilitator for a new one.',
  'error.inviteExpired': 'This invite link has expired. Ask the meeting facilitator for a new one.',
  'error.emailTaken': 'There is already an account with this email. Sign in instead, or use another email.',
  'error.meetingNotFound':
    'We cannot find this meeting, or you are not part of it. Check the link, or ask the meeting facilitator for a new invite.',
  'error.meetingForbidden': 'Only the meeting facilitator can do this.',

  'signIn.heading': 'Sign in',
  'signIn.intro': 'Staff: sign in with your work email to start or open a meeting.',
  'signIn.familyHint':
    'Joining a meeting as family or a friend of the family? Open the invite link you were sent. You do not need an account.',
  'signIn.email': 'Email',
  'signIn.password': 'Password',
  'signIn.submit': 'Sign in',
  'signIn.busy': 'Signing in…',

  'home.greeting': 'Hello, {name}',
  'home.signOut': 'Sign out',
  'home.participantNotice': 'You joined a meeting as {name}.',
  'home.backToMeeting': 'Go back to the meeting',

  'meetings.heading': 'Your meetings',
  'meetings.empty': 'You have no meetings yet. Start one below.',
  'meetings.created': 'Started {date}',
  'meetings.status.live': 'Open',
  'meetings.status.finalized': 'Finished',

  'newMeeting.heading': 'New meeting',
  'newMeeting.title': 'Meeting name',
  'newMeeting.titleHint': 'For example: Family meeting for Kai, 12 May',
  'newMeeting.locale': 'Language of the map',
  'newMeeting.submit': 'Create meeting',
  'newMeeting.busy': 'Creating…',
  'newMeeting.titleRequired': 'Please give the meeting a name.',

  'setup.heading': 'Set up your account',
  'setup.introFirst': 'You are the first person to use SafetyMap here. Enter your name and work email, and choose a password.',
  'setup.introInvited': 'Choose a password for {email}.',
  'setup.name': 'Your name',
  'setup.email': 'Work email',
  'setup.password': 'New password',
  'setup.submit': 'Create account',
  'setup.busy': 'Saving…',
  'setup.missingCode':
    'This setup link is not complete. Open the full link you were sent, or ask your administrator for a new one.',

  'join.heading': 'Join the meeting',
  'join.intro': 'You have been invited to a family meeting. Everyone in the meeting will see your name.',
  'join.name': 'What is your name?',
  'join.nameHint': 'Use the name people in the meeting know you by.',
  'join.submit': 'Join the meeting',
  'join.busy': 'Joining…',
  'join.nameRequired': 'Please write your name.',
  'join.missingToken':
    'This invite link is not complete. Open the full link you were sent, or ask the meeting facilitator for a new one.',

  'meeting.opening': 'Opening the meeting…',
  'meeting.signInNeeded': 'To see this meeting, open your invite link again, or sign in if you are staff.',
  'meeting.goHome': 'Go to the start page',
  'meeting.viewerNotice': 'You can look at the map, but not change it.',
  'meeting.outOfDate': 'This page is out of date. Reload the page to keep working.',
  'meeting.cannotEdit': 'This map cannot be changed from this device right now. You can still look at it. Tell the meeting facilitator.',
  'meeting.canvasLabel': 'Safety map for {title}',

  'connection.connecting': 'Connecting…',
  'connection.live': 'Live',
  'connection.offline': 'Offline',
  'connection.offlineUnsent':
    'Offline — your changes are saved on this device and will be sent when you reconnect',
  'connection.ended': 'Disconnected from the meeting. Reload the page to try again.',

  'whosHere.heading': "Who's here",
  'whosHere.summary': "Who's here ({count})",
  'whosHere.you': '(you)',
  'whosHere.role.facilitator': 'Runs the meeting',
  'whosHere.role.editor': 'Can write',
  'whosHere.role.viewer': 'Can look only',

  'invite.button': 'Invite someone',
  'invite.busy': 'Making a link…',
  'invite.url': 'Invite link',
  'invite.copy': 'Copy link',
  'invite.copied': 'Copied',
  'invite.copyFailed': 'Could not copy. Select the link and copy it yourself.',
  'invite.help': 'Send this link to the person you want to invite. It works until {time}.',

  'canvas.filesBlocked': 'Pictures and files cannot be added to the map.',

  'notFound.heading': 'Page not found',
  'notFound.body': 'There is no page at this address.',
} as const

/** Every key the catalogue holds. */
export type MessageKey = keyof typeof en

const es: Record<MessageKey, string> = {
  'app.name': 'SafetyMap',
  'app.loading': 'Cargando…',
  'app.retry': 'Intentar de nuevo',

  'language.switch': 'Idioma',
  'language.en': 'English',
  'language.es': 'Español',

  'error.generic': 'Algo salió mal. Por favor, inténtelo de nuevo.',
  'error.network':
    'No podemos conectar con SafetyMap en este momento. Revise su conexión a internet e inténtelo de nuevo.',
  'error.invalidInput': 'Falta información o hay algo que no es correcto. Revise el formulario e inténtelo de nuevo.',
  'error.authRequired': 'Primero inicie sesión.',
  'error.badCredentials': 'El correo electrónico o la contraseña no son correctos. Revíselos e inténtelo de nuevo.',
  'error.setupInvalid':
    'Este enlace de configuración no funciona o ya se usó. Pida uno nuevo a la persona que administra el sistema.',
  'error.workerOnly': 'Solo el personal puede hacer esto. Inicie sesión con su correo del trabajo.',
  'error.originMismatch': 'Bloqueamos esta solicitud para protegerle. Vuelva a cargar la página e inténtelo de nuevo.',
  'error.inviteInvalid':
    'Este enlace de invitación no funciona. Pida uno nuevo a la persona que dirige la reunión.',
  'error.inviteExpired':
    'Este enlace de invitación ya venció. Pida uno nuevo a la persona que dirige la reunión.',
  'error.emailTaken': 'Ya existe una cuenta con este correo. Inicie sesión o use otro correo.',
  'error.meetingNotFound':
    'No encontramos esta reunión, o usted no forma parte de ella. Revise el enlace o pida una invitación nueva a la persona que dirige la reunión.',
  'error.meetingForbidden': 'Solo la persona que dirige la reunión puede hacer esto.',

  'signIn.heading': 'Iniciar sesión',
  'signIn.intro': 'Personal: inicie sesión con su correo del trabajo para empezar o abrir una reunión.',
  'signIn.familyHint':
    '¿Viene a una reunión como familiar o amistad de la familia? Abra el enlace de invitación que recibió. No necesita una cuenta.',
  'signIn.email': 'Correo electrónico',
  'signIn.password': 'Contraseña',
  'signIn.submit': 'Iniciar sesión',
  'signIn.busy': 'Iniciando sesión…',

  'home.greeting': 'Hola, {name}',
  'home.signOut': 'Cerrar sesión',
  'home.participantNotice': 'Usted se unió a una reunión como {name}.',
  'home.backToMeeting': 'Volver a la reunión',

  'meetings.heading': 'Sus reuniones',
  'meetings.empty': 'Todavía no tiene reuniones. Empiece una aquí abajo.',
  'meetings.created': 'Empezó el {date}',
  'meetings.status.live': 'Abierta',
  'meetings.status.finalized': 'Terminada',

  'newMeeting.heading': 'Nueva reunión',
  'newMeeting.title': 'Nombre de la reunión',
  'newMeeting.titleHint': 'Por ejemplo: Reunión familiar de Kai, 12 de mayo',
  'newMeeting.locale': 'Idioma del mapa',
  'newMeeting.submit': 'Crear reunión',
  'newMeeting.busy': 'Creando…',
  'newMeeting.titleRequired': 'Por favor, póngale un nombre a la reunión.',

  'setup.heading': 'Configure su cuenta',
  'setup.introFirst':
    'Usted es la primera persona que usa SafetyMap aquí. Escriba su nombre y su correo del trabajo, y elija una contraseña.',
  'setup.introInvited': 'Elija una contraseña para {email}.',
  'setup.name': 'Su nombre',
  'setup.email': 'Correo del trabajo',
  'setup.password': 'Contraseña nueva',
  'setup.submit': 'Crear cuenta',
  'setup.busy': 'Guardando…',
  'setup.missingCode':
    'Este enlace de configuración no está completo. Abra el enlace completo que recibió o pida uno nuevo a la persona que administra el sistema.',

  'join.heading': 'Unirse a la reunión',
  'join.intro': 'Le invitaron a una reunión familiar. Todas las personas de la reunión verán su nombre.',
  'join.name': '¿Cómo se llama?',
  'join.nameHint': 'Use el nombre por el que le conocen las personas de la reunión.',
  'join.submit': 'Unirme a la reunión',
  'join.busy': 'Uniéndose…',
  'join.nameRequired': 'Por favor, escriba su nombre.',
  'join.missingToken':
    'Este enlace de invitación no está completo. Abra el enlace completo que recibió o pida uno nuevo a la persona que dirige la reunión.',

  'meeting.opening': 'Abriendo la reunión…',
  'meeting.signInNeeded':
    'Para ver esta reunión, abra otra vez su enlace de invitación, o inicie sesión si usted es parte del personal.',
  'meeting.goHome': 'Ir a la página de inicio',
  'meeting.viewerNotice': 'Puede mirar el mapa, pero no cambiarlo.',
  'meeting.outOfDate': 'Esta página no está actualizada. Vuelva a cargar la página para seguir trabajando.',
  'meeting.cannotEdit':
    'Ahora no se puede cambiar este mapa desde este dispositivo. Todavía puede mirarlo. Avise a la persona que dirige la reunión.',
  'meeting.canvasLabel': 'Mapa de seguridad: {title}',

  'connection.connecting': 'Conectando…',
  'connection.live': 'En vivo',
  'connection.offline': 'Sin conexión',
  'connection.offlineUnsent':
    'Sin conexión — sus cambios están guardados en este dispositivo y se enviarán cuando vuelva la conexión',
  'connection.ended': 'Se perdió la conexión con la reunión. Vuelva a cargar la página para intentarlo de nuevo.',

  'whosHere.heading': 'Quién está aquí',
  'whosHere.summary': 'Quién está aquí ({count})',
  'whosHere.you': '(usted)',
  'whosHere.role.facilitator': 'Dirige la reunión',
  'whosHere.role.editor': 'Puede escribir',
  'whosHere.role.viewer': 'Solo puede mirar',

  'invite.button': 'Invitar a alguien',
  'invite.busy': 'Creando el enlace…',
  'invite.url': 'Enlace de invitación',
  'invite.copy': 'Copiar enlace',
  'invite.copied': 'Copiado',
  'invite.copyFailed': 'No se pudo copiar. Seleccione el enlace y cópielo usted.',
  'invite.help': 'Envíe este enlace a la persona que quiere invitar. Funciona hasta {time}.',

  'canvas.filesBlocked': 'No se pueden añadir fotos ni archivos al mapa.',

  'notFound.heading': 'No encontramos esta página',
  'notFound.body': 'No hay ninguna página en esta dirección.',
}

/** The catalogue, per locale. */
export const messages: Record<Locale, Record<MessageKey, string>> = { en, es }
