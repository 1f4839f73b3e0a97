// Shishin feedback widget (docs/feedback-widget.md). One tag on a service's page:
//   <script src="https://HOST/widget.js" data-service="KEY" async></script>
// It talks to nobody but HOST (the origin this file came from), sets no cookie and uses no storage. It builds its
// DOM with createElement (no innerHTML, so Trusted Types allow it) in an open shadow root, and styles it with a
// constructable stylesheet, which a strict CSP (no 'unsafe-inline') does not block.
(function () {
    "use strict";

    var script = document.currentScript;
    if (!script || !script.src || !window.fetch || !Element.prototype.attachShadow) {
        return;
    }

    var HOST = new URL(script.src, location.href).origin;
    var SERVICE = script.getAttribute("data-service") || "";
    var POSITION = script.getAttribute("data-position") || "inline";
    var LANG = /^en\b/i.test(script.getAttribute("data-lang") || document.documentElement.lang || "") ? "en" : "ja";
    var MAX_COMMENT = 2000;
    var MAX_PATH = 512;

    // [code, ja, en, positive]: the same list as FeedbackReasons.All, which WidgetScriptTests compares it with.
    var REASONS = [
        ["easy-to-understand", "わかりやすかった", "Easy to understand", 1],
        ["fast", "早く終わった", "Quick to complete", 1],
        ["easy-to-find", "情報が見つけやすかった", "Easy to find what I needed", 1],
        ["works-on-phone", "スマートフォンで使いやすかった", "Works well on my phone", 1],
        ["hard-to-understand", "わかりにくかった", "Hard to understand", 0],
        ["hard-to-find", "情報が見つけにくかった", "Hard to find what I needed", 0],
        ["took-too-long", "時間がかかった", "Took too long", 0],
        ["too-many-inputs", "入力項目が多かった", "Too much to fill in", 0],
        ["error-occurred", "エラーが起きた", "An error occurred", 0],
        ["not-accessible", "支援技術で使いにくかった", "Hard to use with my assistive technology", 0],
        ["other", "その他", "Something else", 0]
    ];

    var TEXT = {
        ja: {
            open: "このページへのご意見",
            title: "このページについてご意見をお聞かせください",
            rating: "満足度を選んでください（必須）",
            ratings: ["1 とても不満", "2 不満", "3 どちらでもない", "4 満足", "5 とても満足"],
            task: "目的は達成できましたか（必須）",
            tasks: [["yes", "はい"], ["partly", "一部だけ"], ["no", "いいえ"]],
            reasons: "その理由（任意・複数選択可）",
            comment: "ご意見（任意）",
            privacy: "氏名、住所、電話番号、メールアドレスなどの個人情報は書かないでください。個別のお返事はできません。",
            left: "残り {n} 文字",
            send: "送信する",
            sending: "送信しています…",
            close: "閉じる",
            problem: "入力内容を確認してください",
            error: "エラー：",
            needRating: "満足度を1から5で選んでください",
            needTask: "目的を達成できたかを選んでください",
            badReasons: "理由を選び直してください",
            longComment: "ご意見は" + MAX_COMMENT + "文字以内で入力してください",
            thanks: "ご意見を送信しました。ありがとうございました。",
            failed: "送信できませんでした。ご意見はまだ届いていません。時間をおいてもう一度お試しください。",
            busy: "ただいま混み合っています。ご意見はまだ届いていません。{n}秒ほどおいてもう一度お試しください。",
            busyNoTime: "ただいま混み合っています。ご意見はまだ届いていません。しばらくおいてもう一度お試しください。",
            closed: "このサービスは現在ご意見を受け付けていません。"
        },
        en: {
            open: "Give feedback on this page",
            title: "Tell us what you think of this page",
            rating: "How satisfied are you? (required)",
            ratings: ["1 Very dissatisfied", "2 Dissatisfied", "3 Neither satisfied nor dissatisfied", "4 Satisfied", "5 Very satisfied"],
            task: "Were you able to do what you came to do? (required)",
            tasks: [["yes", "Yes"], ["partly", "Partly"], ["no", "No"]],
            reasons: "Why? (optional, choose any)",
            comment: "Comments (optional)",
            privacy: "Do not write personal details such as your name, address, phone number or e-mail address. We cannot reply to you.",
            left: "{n} characters left",
            send: "Send feedback",
            sending: "Sending…",
            close: "Close",
            problem: "There is a problem",
            error: "Error: ",
            needRating: "Choose how satisfied you are, from 1 to 5",
            needTask: "Choose whether you were able to do what you came to do",
            badReasons: "Choose the reasons again",
            longComment: "Comments must be " + MAX_COMMENT + " characters or fewer",
            thanks: "Thank you. Your feedback has been sent.",
            failed: "Your feedback could not be sent and has not reached us. Please try again later.",
            busy: "We are busy right now and your feedback has not reached us. Please try again in about {n} seconds.",
            busyNoTime: "We are busy right now and your feedback has not reached us. Please try again in a little while.",
            closed: "This service is not taking feedback at the moment."
        }
    }[LANG];

    var CSS =
        ":host{all:initial!important;display:block!important;" +
        "--a:var(--shishin-feedback-accent,#0017c1);--at:var(--shishin-feedback-accent-text,#fff);" +
        "--t:var(--shishin-feedback-text,#1a1a1a);--b:var(--shishin-feedback-background,#fff);" +
        "--m:var(--shishin-feedback-muted,#595959);--l:var(--shishin-feedback-border,#767676);" +
        "--e:var(--shishin-feedback-error,#b00000);--f:var(--shishin-feedback-focus,#0017c1);" +
        "--r:var(--shishin-feedback-radius,8px)}" +
        ".w{font-family:var(--shishin-feedback-font,system-ui,-apple-system,'Segoe UI','Hiragino Sans','Noto Sans JP',Meiryo,sans-serif);" +
        "font-size:var(--shishin-feedback-font-size,1rem);line-height:1.6;color:var(--t);text-align:start;margin:1rem 0}" +
        ".w.fx{position:fixed;bottom:1rem;right:1rem;margin:0;z-index:var(--shishin-feedback-z-index,2147483000);" +
        "display:flex;flex-direction:column-reverse;align-items:flex-end;max-width:calc(100vw - 2rem)}" +
        ".w.fx.left{right:auto;left:1rem;align-items:flex-start}" +
        ".w.fx .p{margin:0 0 .5rem;max-height:calc(100vh - 6rem);overflow:auto}" +
        "*,*::before,*::after{box-sizing:border-box}" +
        "button{font:inherit;min-height:2.75rem;min-width:2.75rem;padding:.5rem 1rem;border:2px solid var(--a);" +
        "border-radius:var(--r);background:var(--a);color:var(--at);cursor:pointer;font-weight:700}" +
        "button.s{background:var(--b);color:var(--a)}" +
        "button[aria-disabled=true]{cursor:progress}" +
        ":focus{outline:none}" +
        ":focus-visible,h2:focus,.sum:focus,.st:focus,a:focus{outline:3px solid var(--f);outline-offset:2px}" +
        ".p{margin-top:.5rem;padding:1rem;border:1px solid var(--l);border-radius:var(--r);background:var(--b);color:var(--t);" +
        "width:36rem;max-width:100%;overflow-wrap:anywhere}" +
        "h2{font-size:1.25em;line-height:1.4;margin:0 0 1rem}" +
        "fieldset{border:0;margin:0 0 1.25rem;padding:0;min-width:0}" +
        "legend{font-weight:700;padding:0;margin:0 0 .25rem}" +
        ".o{display:flex;flex-wrap:wrap;gap:.5rem}" +
        ".g{display:grid;grid-template-columns:repeat(auto-fill,minmax(min(100%,15rem),1fr));gap:.5rem}" +
        "label.c{display:flex;align-items:center;gap:.5rem;min-height:2.75rem;padding:.25rem .75rem .25rem .5rem;" +
        "border:1px solid var(--l);border-radius:var(--r);cursor:pointer}" +
        "label.c:has(input:checked){border-color:var(--a);box-shadow:inset 0 0 0 1px var(--a)}" +
        "input{accent-color:var(--a)}" +
        "label.c input{flex:none;width:1.5rem;height:1.5rem;margin:0}" +
        "label.t{display:block;font-weight:700}" +
        "textarea{display:block;font:inherit;color:var(--t);background:var(--b);width:100%;min-height:7rem;padding:.5rem;" +
        "border:1px solid var(--l);border-radius:var(--r);resize:vertical}" +
        "textarea[aria-invalid=true]{border:3px solid var(--e)}" +
        ".h,.n{color:var(--m);margin:.25rem 0}" +
        ".x{color:var(--e);font-weight:700;margin:.25rem 0}" +
        ".sum{border:3px solid var(--e);border-radius:var(--r);padding:.75rem 1rem;margin:0 0 1rem}" +
        ".sum p{font-weight:700;margin:0 0 .25rem}.sum ul{margin:0;padding-inline-start:1.25rem}" +
        ".sum a{color:var(--e);font-weight:700}" +
        ".al{color:var(--e);font-weight:700;margin:0}" +
        ".st{font-weight:700;margin:0}" +
        ".al:not(:empty),.st:not(:empty){margin:1rem 0 0}" +
        ".ac{display:flex;flex-wrap:wrap;gap:.5rem;margin-top:1rem}" +
        ".v{position:absolute!important;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap}" +
        "[hidden]{display:none!important}" +
        "@media (prefers-reduced-motion:no-preference){.p{animation:shf .15s ease-out}}" +
        "@keyframes shf{from{opacity:0;transform:translateY(.25rem)}}" +
        "@media (forced-colors:active){button,label.c,.p,.sum{border-color:CanvasText}}";

    // A small element builder: attributes, then children (strings become text nodes).
    function h(tag, attrs, children) {
        var el = document.createElement(tag);
        Object.keys(attrs || {}).forEach(function (name) {
            var value = attrs[name];
            if (value === true) {
                el.setAttribute(name, "");
            } else if (value !== false && value !== null && value !== undefined) {
                el.setAttribute(name, String(value));
            }
        });
        (children || []).forEach(function (child) {
            el.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
        });
        return el;
    }

    function choice(type, name, value, label, required) {
        var input = h("input", { type: type, name: name, value: value, id: name + "-" + value, required: required });
        return h("label", { "class": "c" }, [input, h("span", null, [label])]);
    }

    var hostElement = h("shishin-feedback", { lang: LANG, "data-service": SERVICE });
    var root = hostElement.attachShadow({ mode: "open" });
    try {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        root.adoptedStyleSheets = [sheet];
    } catch (e) {
        // Browsers without constructable stylesheets: a <style> element, allowed by the script tag's nonce if it has one.
        root.appendChild(h("style", { nonce: script.nonce || null }, [CSS]));
    }

    var toggle = h("button", { type: "button", "class": "tg", "aria-expanded": "false", "aria-controls": "panel" }, [TEXT.open]);
    var title = h("h2", { id: "title", tabindex: "-1" }, [TEXT.title]);
    var summaryList = h("ul");
    var summary = h("div", { "class": "sum", tabindex: "-1", hidden: true }, [h("p", null, [TEXT.problem]), summaryList]);

    var fields = {};
    function group(id, legend, body) {
        var error = h("p", { "class": "x", id: id + "-error", hidden: true });
        var set = h("fieldset", { id: id }, [h("legend", null, [legend]), error, body]);
        fields[id] = { container: set, error: error, described: set, first: function () { return body.querySelector("input"); } };
        return set;
    }

    var ratingSet = group("rating", TEXT.rating, h("div", { "class": "o" }, TEXT.ratings.map(function (label, i) {
        return choice("radio", "rating", i + 1, label, true);
    })));
    var taskSet = group("taskCompleted", TEXT.task, h("div", { "class": "o" }, TEXT.tasks.map(function (task) {
        return choice("radio", "taskCompleted", task[0], task[1], true);
    })));
    var reasonSet = group("reasons", TEXT.reasons, h("div", { "class": "g" }, REASONS.map(function (reason) {
        return choice("checkbox", "reasons", reason[0], LANG === "en" ? reason[2] : reason[1], false);
    })));

    var count = h("p", { "class": "n", id: "comment-count" });
    var comment = h("textarea", { id: "comment", name: "comment", maxlength: MAX_COMMENT, rows: "5", "aria-describedby": "comment-hint comment-count" });
    var commentError = h("p", { "class": "x", id: "comment-error", hidden: true });
    var commentField = h("div", null, [
        h("label", { "class": "t", "for": "comment" }, [TEXT.comment]),
        h("p", { "class": "h", id: "comment-hint" }, [TEXT.privacy]),
        commentError, comment, count]);
    fields.comment = { container: commentField, error: commentError, described: comment, first: function () { return comment; } };

    // The honeypot: people never see or reach it; a bot that fills every field gets its submission dropped by the server.
    var honeypot = h("input", { type: "text", name: "website", id: "website", tabindex: "-1", autocomplete: "off" });
    var trap = h("div", { hidden: true, "aria-hidden": "true" }, [h("label", { "for": "website" }, ["Website"]), honeypot]);

    var send = h("button", { type: "submit" }, [TEXT.send]);
    var alertBox = h("p", { "class": "al", role: "alert" });
    var form = h("form", { novalidate: true, "aria-labelledby": "title" }, [
        summary, ratingSet, taskSet, reasonSet, commentField, trap, alertBox, h("div", { "class": "ac" }, [send])]);
    var status = h("p", { "class": "st", role: "status", "aria-live": "polite", tabindex: "-1" });
    var close = h("button", { type: "button", "class": "s" }, [TEXT.close]);
    var panel = h("div", { "class": "p", id: "panel", hidden: true }, [title, form, status, h("div", { "class": "ac" }, [close])]);
    var fixed = POSITION === "bottom-right" || POSITION === "bottom-left";
    var wrapper = h("div", { "class": "w" + (fixed ? " fx" : "") + (POSITION === "bottom-left" ? " left" : "") }, [toggle, panel]);
    root.appendChild(wrapper);

    function updateCount() {
        count.textContent = TEXT.left.replace("{n}", String(MAX_COMMENT - comment.value.length));
    }
    updateCount();

    function setOpen(open) {
        panel.hidden = !open;
        toggle.setAttribute("aria-expanded", String(open));
        (open ? title : toggle).focus();
    }

    toggle.addEventListener("click", function () {
        setOpen(panel.hidden);
    });
    close.addEventListener("click", function () {
        setOpen(false);
    });
    // Escape closes the panel from anywhere inside it; focus goes back to the button that opened it. Not a modal: Tab
    // leaves the panel like any other part of the page.
    panel.addEventListener("keydown", function (event) {
        if (event.key === "Escape") {
            event.preventDefault();
            setOpen(false);
        }
    });
    comment.addEventListener("input", updateCount);

    function clearErrors() {
        Object.keys(fields).forEach(function (id) {
            var field = fields[id];
            field.error.hidden = true;
            field.error.textContent = "";
        });
        ratingSet.removeAttribute("aria-describedby");
        taskSet.removeAttribute("aria-describedby");
        reasonSet.removeAttribute("aria-describedby");
        comment.setAttribute("aria-describedby", "comment-hint comment-count");
        comment.removeAttribute("aria-invalid");
        summary.hidden = true;
        summaryList.textContent = "";
        alertBox.textContent = "";
    }

    // Each error is written beside its field (and tied to it by aria-describedby) and listed in a summary that takes
    // focus, so a screen reader announces the problem and a keyboard user can jump to each field.
    function showErrors(errors) {
        errors.forEach(function (pair) {
            var field = fields[pair[0]];
            field.error.hidden = false;
            field.error.textContent = "";
            field.error.appendChild(h("span", { "class": "v" }, [TEXT.error]));
            field.error.appendChild(document.createTextNode(pair[1]));
            var ids = field.described.getAttribute("aria-describedby");
            field.described.setAttribute("aria-describedby", pair[0] + "-error" + (ids ? " " + ids : ""));
            if (pair[0] === "comment") {
                comment.setAttribute("aria-invalid", "true");
            }
            var link = h("a", { href: "#" + pair[0] }, [pair[1]]);
            link.addEventListener("click", function (event) {
                event.preventDefault();
                field.first().focus();
            });
            summaryList.appendChild(h("li", null, [link]));
        });
        summary.hidden = false;
        summary.focus();
    }

    function checked(name) {
        return Array.prototype.slice.call(form.querySelectorAll("input[name=" + name + "]:checked")).map(function (input) {
            return input.value;
        });
    }

    var busy = false;
    function finish(message, ok) {
        busy = false;
        send.removeAttribute("aria-disabled");
        send.textContent = TEXT.send;
        if (ok) {
            form.hidden = true;
            status.textContent = message;
            status.focus();
        } else {
            alertBox.textContent = message;
        }
    }

    function answered(response) {
        if (response.status >= 200 && response.status < 300) {
            finish(TEXT.thanks, true);
        } else if (response.status === 400) {
            response.json().then(function (problem) {
                var errors = [];
                Object.keys((problem && problem.errors) || {}).forEach(function (key) {
                    var id = { rating: "rating", taskcompleted: "taskCompleted", reasons: "reasons", comment: "comment" }[key.toLowerCase()];
                    if (id) {
                        errors.push([id, { rating: TEXT.needRating, taskCompleted: TEXT.needTask, reasons: TEXT.badReasons, comment: TEXT.longComment }[id]]);
                    }
                });
                finish(errors.length ? "" : TEXT.failed, false);
                if (errors.length) {
                    showErrors(errors);
                }
            }, function () {
                finish(TEXT.failed, false);
            });
        } else if (response.status === 429 || response.status === 503) {
            // Readable only if the server exposes it (Access-Control-Expose-Headers: Retry-After).
            var seconds = parseInt(response.headers.get("Retry-After") || "", 10);
            finish(seconds > 0 ? TEXT.busy.replace("{n}", String(seconds)) : TEXT.busyNoTime, false);
        } else if (response.status === 404) {
            finish(TEXT.closed, false);
        } else {
            finish(TEXT.failed, false);
        }
    }

    form.addEventListener("submit", function (event) {
        event.preventDefault();
        if (busy) {
            return;
        }

        clearErrors();
        var rating = checked("rating");
        var task = checked("taskCompleted");
        var errors = [];
        if (rating.length !== 1) {
            errors.push(["rating", TEXT.needRating]);
        }
        if (task.length !== 1) {
            errors.push(["taskCompleted", TEXT.needTask]);
        }
        if (comment.value.length > MAX_COMMENT) {
            errors.push(["comment", TEXT.longComment]);
        }
        if (errors.length) {
            showErrors(errors);
            return;
        }

        // Not disabled: a disabled button would drop the keyboard focus to the top of the page.
        busy = true;
        send.setAttribute("aria-disabled", "true");
        send.textContent = TEXT.sending;
        var body = JSON.stringify({
            rating: parseInt(rating[0], 10),
            taskCompleted: task[0],
            reasons: checked("reasons"),
            comment: comment.value,
            language: LANG,
            pagePath: location.pathname.slice(0, MAX_PATH),
            website: honeypot.value,
            source: "widget"
        });
        var controller = window.AbortController ? new AbortController() : null;
        var timer = setTimeout(function () {
            if (controller) {
                controller.abort();
            }
        }, 30000);
        // No cookies, no referrer beyond the origin, no cache: the request carries only what the person typed.
        fetch(HOST + "/api/v1/services/" + encodeURIComponent(SERVICE) + "/feedback", {
            method: "POST",
            mode: "cors",
            credentials: "omit",
            cache: "no-store",
            referrerPolicy: "strict-origin",
            headers: { "Content-Type": "application/json" },
            body: body,
            signal: controller ? controller.signal : undefined
        }).then(function (response) {
            clearTimeout(timer);
            answered(response);
        }, function () {
            // A network failure, a timeout, or a refusal by CORS (this page's origin is not registered for the service).
            clearTimeout(timer);
            finish(TEXT.failed, false);
        });
    });

    function place() {
        var parent = script.parentNode;
        if (fixed || !parent || !document.body || !document.body.contains(script)) {
            document.body.appendChild(hostElement);
        } else {
            parent.insertBefore(hostElement, script.nextSibling);
        }
    }

    if (document.body) {
        place();
    } else {
        document.addEventListener("DOMContentLoaded", place);
    }
})();
