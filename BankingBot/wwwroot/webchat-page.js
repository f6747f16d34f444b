// Starts Web Chat for the bank's page. The bot's own server hands out a token for one conversation
// (POST /api/directline/token): for the bot's local Direct Line, or for Azure's when the bot has a Direct Line
// secret (which never reaches this page). The conversation id and token are kept in sessionStorage, so a reload
// continues the same conversation and shows what was already said. The page the visitor is on goes to the bot in
// a "webchat/join" event, so the greeting can fit it.
(function () {
  'use strict';

  var storageKey = 'bankingbot.webchat';
  var query = new URLSearchParams(window.location.search);

  // The page the visitor is reading: ?page=... when the bank's site embeds this page (for example in an
  // iframe), else the page that embeds it, else this page itself.
  function visitorPage() {
    var given = query.get('page');
    if (given) {
      return given;
    }

    return window.parent !== window && document.referrer ? document.referrer : window.location.href;
  }

  function saved() {
    try {
      var session = JSON.parse(window.sessionStorage.getItem(storageKey) || 'null');
      return session && session.conversationId && session.token ? session : null;
    } catch (e) {
      return null;
    }
  }

  function save(session) {
    window.sessionStorage.setItem(storageKey, JSON.stringify(session));
  }

  async function newSession() {
    var response = await fetch('api/directline/token', { method: 'POST', headers: { Accept: 'application/json' } });
    if (!response.ok) {
      throw new Error('No chat token: HTTP ' + response.status);
    }

    var session = await response.json();
    session.resumed = false;
    return session;
  }

  // A kept conversation is resumed only if its token still opens it; an ended one starts afresh.
  async function resumable(session) {
    var url = session.domain + '/conversations/' + encodeURIComponent(session.conversationId) + '?watermark=';
    try {
      var response = await fetch(url, { headers: { Authorization: 'Bearer ' + session.token } });
      return response.ok;
    } catch (e) {
      return false;
    }
  }

  async function session() {
    var kept = saved();
    if (kept && await resumable(kept)) {
      kept.resumed = true;
      return kept;
    }

    return newSession();
  }

  function initials(name) {
    return name.split(/\s+/).filter(Boolean).slice(0, 2).map(function (word) {
      return word.charAt(0).toUpperCase();
    }).join('');
  }

  async function start() {
    var current = await session();
    var pageUrl = visitorPage();
    var directLine = window.WebChat.createDirectLine({
      domain: current.domain,
      token: current.token,
      conversationId: current.resumed ? current.conversationId : undefined,
      webSocket: query.get('transport') !== 'polling'
    });

    var store = window.WebChat.createStore({}, function (api) {
      return function (next) {
        return function (action) {
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            save({ conversationId: directLine.conversationId, token: directLine.token, domain: current.domain });
            api.dispatch({
              type: 'WEB_CHAT/SEND_EVENT',
              payload: { name: 'webchat/join', value: { pageUrl: pageUrl } }
            });
          }

          return next(action);
        };
      };
    });

    // Web Chat renews the token every 15 minutes; keep the newest for the next reload.
    window.addEventListener('pagehide', function () {
      if (directLine.conversationId && directLine.token) {
        save({ conversationId: directLine.conversationId, token: directLine.token, domain: current.domain });
      }
    });

    var bankName = document.body.getAttribute('data-bank-name') || 'Bank';
    window.WebChat.renderWebChat({
      directLine: directLine,
      store: store,
      locale: navigator.language || 'en-GB',
      styleOptions: {
        accent: '#0f7c7a',
        backgroundColor: '#ffffff',
        botAvatarInitials: initials(bankName),
        botAvatarBackgroundColor: '#12355b',
        userAvatarInitials: 'You',
        userAvatarBackgroundColor: '#0f7c7a',
        bubbleBackground: '#eef3f8',
        bubbleBorderRadius: 10,
        bubbleFromUserBackground: '#0f7c7a',
        bubbleFromUserTextColor: '#ffffff',
        bubbleFromUserBorderRadius: 10,
        suggestedActionBorderRadius: 16,
        hideUploadButton: true,
        sendBoxButtonColor: '#12355b'
      }
    }, document.getElementById('webchat'));
  }

  start().catch(function (error) {
    console.error(error);
    document.getElementById('webchat-unavailable').hidden = false;
  });
})();
