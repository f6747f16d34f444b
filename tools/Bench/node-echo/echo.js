// The benchmark's Node.js peer: the echo bot as botbuilder's own pieces make it. CloudAdapter with
// ConfigurationBotFrameworkAuthentication (no app id: authentication off, as for the Emulator), one
// ConversationState property over MemoryStorage (one state read and one write a turn), one reply.
// It is served by node:http rather than restify or express, so the web framework costs the peer nothing.
//
//   node echo.js <port>      POST /api/messages, GET /bench/counters (state reads and writes so far)
'use strict';

const http = require('node:http');
const {
    ActivityHandler,
    CloudAdapter,
    ConfigurationBotFrameworkAuthentication,
    ConversationState,
    MemoryStorage,
} = require('botbuilder');

const port = Number(process.argv[2] || process.env.PORT || 3978);
const counters = { stateReads: 0, stateWrites: 0 };

// MemoryStorage that counts, to show the peer does the same storage work a turn as the C# bots.
class CountingStorage extends MemoryStorage {
    read(keys) {
        counters.stateReads++;
        return super.read(keys);
    }

    write(changes) {
        counters.stateWrites++;
        return super.write(changes);
    }
}

const conversationState = new ConversationState(new CountingStorage());
const turns = conversationState.createProperty('turns');

class EchoBot extends ActivityHandler {
    constructor() {
        super();
        this.onMessage(async (context, next) => {
            const count = (await turns.get(context, 0)) + 1;
            await turns.set(context, count);
            await context.sendActivity(`Echo ${count}: ${context.activity.text}`);
            await next();
        });
    }

    async run(context) {
        await super.run(context);
        await conversationState.saveChanges(context, false);
    }
}

const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
adapter.onTurnError = async (context, error) => {
    console.error(`turn failed: ${error}`);
};
const bot = new EchoBot();

// The few members of an express-like response that CloudAdapter.process uses.
function responseOf(res) {
    return {
        socket: res.socket,
        status: (code) => { res.statusCode = code; },
        header: (name, value) => { res.setHeader(name, value); },
        send: (body) => {
            if (typeof body === 'object') {
                res.setHeader('Content-Type', 'application/json');
                res.write(JSON.stringify(body));
            } else {
                res.write(String(body));
            }
        },
        end: () => { res.end(); },
    };
}

const server = http.createServer((req, res) => {
    if (req.method === 'GET' && req.url === '/bench/counters') {
        res.setHeader('Content-Type', 'application/json');
        res.end(JSON.stringify({ allocatedBytes: null, ...counters }));
        return;
    }

    if (req.method !== 'POST' || req.url !== '/api/messages') {
        res.statusCode = 404;
        res.end();
        return;
    }

    const chunks = [];
    req.on('data', (chunk) => chunks.push(chunk));
    req.on('end', () => {
        let body;
        try {
            body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
        } catch {
            res.statusCode = 400;
            res.end();
            return;
        }

        const request = { body, headers: req.headers, method: req.method };
        adapter.process(request, responseOf(res), (context) => bot.run(context)).catch((error) => {
            console.error(`request failed: ${error}`);
            if (!res.writableEnded) {
                res.statusCode = 500;
                res.end();
            }
        });
    });
});

server.keepAliveTimeout = 65000;
server.listen(port, '127.0.0.1', () => console.log(`node echo bot listening on 127.0.0.1:${port}`));
