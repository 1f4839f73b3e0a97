using System.Collections.Frozen;
using System.Collections.ObjectModel;

namespace Shishin.Scanning.Rules;

/// <summary>
/// Every rule id the scanner can report: each rule of the bundled axe-core and Shishin's own <c>page.*</c>,
/// <c>security.*</c> and <c>performance.*</c> checks. docs/scanner-rules.md lists the same rules; a test fails when
/// the two drift apart.
/// </summary>
public static class ScannerRules
{
    /// <summary>The version of axe-core whose rule ids are listed here (the Deque.AxeCore package of the same version bundles it).</summary>
    public static string AxeCoreVersion => "4.14.0";

    /// <summary>The page answered with an HTTP error status.</summary>
    public const string PageHttpStatus = "page.http-status";

    /// <summary>More than one redirect, or a redirect loop, before the page.</summary>
    public const string PageRedirectChain = "page.redirect-chain";

    /// <summary>The page could not be loaded.</summary>
    public const string PageNavigationError = "page.navigation-error";

    /// <summary>The page title is missing or empty.</summary>
    public const string PageTitle = "page.title";

    /// <summary>Another scanned page has the same title.</summary>
    public const string PageTitleDuplicate = "page.title-duplicate";

    /// <summary>The html element has no lang attribute.</summary>
    public const string PageLang = "page.lang";

    /// <summary>The lang attribute does not fit the language of the page's text.</summary>
    public const string PageLangMismatch = "page.lang-mismatch";

    /// <summary>No responsive viewport meta tag, or one that blocks zooming.</summary>
    public const string PageViewport = "page.viewport";

    /// <summary>The meta description is missing or empty.</summary>
    public const string PageDescription = "page.description";

    /// <summary>hreflang alternates are missing, invalid or not reciprocal.</summary>
    public const string PageHreflang = "page.hreflang";

    /// <summary>The bytes transferred for the page exceed the threshold.</summary>
    public const string PageWeight = "page.weight";

    /// <summary>The number of requests for the page exceeds the threshold.</summary>
    public const string PageRequestCount = "page.request-count";

    /// <summary>An HTTPS page loads subresources over HTTP.</summary>
    public const string PageMixedContent = "page.mixed-content";

    /// <summary>A link leads to a page that answers 4xx or 5xx or cannot be reached.</summary>
    public const string PageBrokenLink = "page.broken-link";

    /// <summary>A link could not be checked because its host name did not resolve; a person has to check it.</summary>
    public const string PageLinkUnverifiable = "page.link-unverifiable";

    /// <summary>The page is not served over HTTPS, or HTTP does not redirect to HTTPS.</summary>
    public const string SecurityHttps = "security.https";

    /// <summary>No Strict-Transport-Security header.</summary>
    public const string SecurityHsts = "security.hsts";

    /// <summary>The HSTS max-age is shorter than one year.</summary>
    public const string SecurityHstsMaxAge = "security.hsts-max-age";

    /// <summary>The HSTS header lacks includeSubDomains.</summary>
    public const string SecurityHstsSubdomains = "security.hsts-subdomains";

    /// <summary>No Content-Security-Policy header.</summary>
    public const string SecurityCsp = "security.csp";

    /// <summary>The Content-Security-Policy allows 'unsafe-inline' scripts.</summary>
    public const string SecurityCspUnsafeInline = "security.csp-unsafe-inline";

    /// <summary>No X-Content-Type-Options: nosniff header.</summary>
    public const string SecurityXContentTypeOptions = "security.x-content-type-options";

    /// <summary>Neither CSP frame-ancestors nor X-Frame-Options is set.</summary>
    public const string SecurityFrameAncestors = "security.frame-ancestors";

    /// <summary>No Referrer-Policy, or unsafe-url.</summary>
    public const string SecurityReferrerPolicy = "security.referrer-policy";

    /// <summary>No Permissions-Policy header.</summary>
    public const string SecurityPermissionsPolicy = "security.permissions-policy";

    /// <summary>A cookie of an HTTPS site lacks Secure.</summary>
    public const string SecurityCookieSecure = "security.cookie-secure";

    /// <summary>A session-like cookie lacks HttpOnly.</summary>
    public const string SecurityCookieHttpOnly = "security.cookie-httponly";

    /// <summary>A cookie lacks SameSite.</summary>
    public const string SecurityCookieSameSite = "security.cookie-samesite";

    /// <summary>A TLS version below 1.2 was negotiated.</summary>
    public const string SecurityTlsVersion = "security.tls-version";

    /// <summary>The certificate expires within the warning period (parameter <c>security.certificate-warning-days</c>).</summary>
    public const string SecurityCertificateExpiry = "security.certificate-expiry";

    /// <summary>/.well-known/security.txt is missing or invalid (RFC 9116).</summary>
    public const string SecuritySecurityTxt = "security.security-txt";

    /// <summary>The scanner's SSRF guard blocked a request that the page tried to make.</summary>
    public const string SecurityBlockedRequest = "security.blocked-request";

    /// <summary>Time to first byte above the threshold.</summary>
    public const string PerformanceTtfb = "performance.ttfb";

    /// <summary>First contentful paint above the threshold.</summary>
    public const string PerformanceFcp = "performance.fcp";

    /// <summary>Largest contentful paint above the threshold.</summary>
    public const string PerformanceLcp = "performance.lcp";

    /// <summary>Cumulative layout shift above the threshold.</summary>
    public const string PerformanceCls = "performance.cls";

    /// <summary>Time until DOMContentLoaded, recorded as a measurement.</summary>
    public const string PerformanceDomContentLoaded = "performance.dom-content-loaded";

    /// <summary>Time until the load event, recorded as a measurement.</summary>
    public const string PerformanceLoad = "performance.load";

    /// <summary>Every rule: first the axe-core rules in axe-core's order, then Shishin's own by category.</summary>
    public static IReadOnlyList<ScannerRule> All { get; } = new ReadOnlyCollection<ScannerRule>(
    [
        Axe("accesskeys", "Each accesskey value is used by only one element.", "accesskey 属性の値が要素どうしで重複していないこと", RuleProfiles.BestPractice),
        Axe("area-alt", "Every clickable <area> of an image map has alternative text.", "イメージマップのリンクになる <area> 要素に代替テキストがあること"),
        Axe("aria-allowed-attr", "The ARIA attributes on an element are ones that its role supports.", "要素に付けた ARIA 属性が、その要素のロールで使えるものであること"),
        Axe("aria-allowed-role", "The role attribute gives the element a role that suits it.", "role 属性の値が、その要素に付けてよいロールであること", RuleProfiles.BestPractice),
        Axe("aria-braille-equivalent", "Elements with aria-braillelabel or aria-brailleroledescription also have an ordinary name or role description.", "aria-braillelabel や aria-brailleroledescription を使う要素に、点字用でない通常の名前やロール説明もあること"),
        Axe("aria-command-name", "Every element with the ARIA role button, link or menuitem has an accessible name.", "ARIA の button、link、menuitem ロールの要素にアクセシブルな名前があること"),
        Axe("aria-conditional-attr", "ARIA attributes that are allowed only in some situations (such as aria-checked on a native checkbox) are used only there.", "条件付きでしか使えない ARIA 属性（ネイティブのチェックボックスの aria-checked など）を、その条件どおりに使っていること"),
        Axe("aria-deprecated-role", "No element uses a role that WAI-ARIA has deprecated.", "WAI-ARIA で非推奨になったロールを使っていないこと"),
        Axe("aria-dialog-name", "Every ARIA dialog and alertdialog has an accessible name.", "ARIA の dialog と alertdialog にアクセシブルな名前があること", RuleProfiles.BestPractice),
        Axe("aria-hidden-body", "The body element does not carry aria-hidden=\"true\".", "body 要素に aria-hidden=\"true\" が付いていないこと"),
        Axe("aria-hidden-focus", "Content hidden with aria-hidden neither takes keyboard focus nor contains anything that does.", "aria-hidden で隠した要素とその中身がキーボードフォーカスを受け取らないこと"),
        Axe("aria-input-field-name", "Every ARIA input field (combobox, listbox, searchbox, slider, spinbutton, textbox) has an accessible name.", "ARIA の入力欄（combobox、listbox、searchbox、slider、spinbutton、textbox）にアクセシブルな名前があること"),
        Axe("aria-meter-name", "Every ARIA meter has an accessible name.", "ARIA の meter にアクセシブルな名前があること"),
        Axe("aria-progressbar-name", "Every ARIA progressbar has an accessible name.", "ARIA の progressbar にアクセシブルな名前があること"),
        Axe("aria-prohibited-attr", "No element uses an ARIA attribute that its role forbids, such as aria-label on a plain div or span.", "要素のロールで禁止された ARIA 属性（ロールのない div や span の aria-label など）を使っていないこと"),
        Axe("aria-required-attr", "Elements with an ARIA role have every attribute that the role requires.", "ARIA ロールを持つ要素に、そのロールに必須の属性がすべてあること"),
        Axe("aria-required-children", "Elements whose ARIA role needs particular child roles contain them, such as listitems in a list.", "特定の子ロールを必要とする ARIA ロールの要素が、その子を含んでいること（list の中の listitem など）"),
        Axe("aria-required-parent", "Elements whose ARIA role needs a particular parent role are inside it, such as a tab inside a tablist.", "特定の親ロールを必要とする ARIA ロールの要素が、その親の中にあること（tablist の中の tab など）"),
        Axe("aria-roledescription", "aria-roledescription is used only on elements that have a role, implicit or explicit.", "aria-roledescription を、暗黙または明示のロールを持つ要素だけに使っていること", RuleProfiles.None),
        Axe("aria-roles", "Every role attribute holds a valid ARIA role.", "role 属性の値が有効な ARIA ロールであること"),
        Axe("aria-tab-name", "Every ARIA tab has an accessible name.", "ARIA の tab にアクセシブルな名前があること"),
        Axe("aria-text", "Elements with role=\"text\" contain nothing that can take focus.", "role=\"text\" の要素が、フォーカスを受け取る要素を含んでいないこと", RuleProfiles.BestPractice),
        Axe("aria-toggle-field-name", "Every ARIA toggle (checkbox, menuitemcheckbox, menuitemradio, option, radio, switch) has an accessible name.", "ARIA の切り替え部品（checkbox、menuitemcheckbox、menuitemradio、option、radio、switch）にアクセシブルな名前があること"),
        Axe("aria-tooltip-name", "Every ARIA tooltip has an accessible name.", "ARIA の tooltip にアクセシブルな名前があること"),
        Axe("aria-treeitem-name", "Every ARIA treeitem has an accessible name.", "ARIA の treeitem にアクセシブルな名前があること", RuleProfiles.BestPractice),
        Axe("aria-valid-attr-value", "Every ARIA attribute has a value that is valid for it.", "ARIA 属性の値が、その属性にとって有効な値であること"),
        Axe("aria-valid-attr", "Attributes whose names start with aria- are real ARIA attributes, not misspellings.", "aria- で始まる属性が、綴りの誤りではなく実在する ARIA 属性であること"),
        Axe("audio-caption", "<audio> elements come with captions.", "<audio> 要素にキャプションがあること", RuleProfiles.None),
        Axe("autocomplete-valid", "autocomplete values are valid and suit the form field they are on.", "autocomplete 属性の値が正しく、そのフォーム項目に合っていること"),
        Axe("avoid-inline-spacing", "Letter, word and line spacing set in style attributes is not !important, so user style sheets can change it.", "style 属性で指定した文字間隔・単語間隔・行間に !important がなく、利用者のスタイルシートで変えられること"),
        Axe("blink", "The page uses no <blink> elements.", "<blink> 要素を使っていないこと"),
        Axe("button-name", "Every button has text or another accessible name that says what it does.", "ボタンに、働きがわかるテキストまたはアクセシブルな名前があること"),
        Axe("bypass", "The page offers a way to skip repeated blocks and reach the main content, such as a skip link, a heading or a landmark.", "繰り返し現れるブロックを飛ばして本文へ移る手段（スキップリンク、見出し、ランドマークなど）があること"),
        Axe("color-contrast-enhanced", "Text contrasts with its background at least as much as WCAG AAA asks (7:1, or 4.5:1 for large text).", "文字と背景のコントラスト比が WCAG の AAA の基準（7:1、大きな文字は 4.5:1）以上であること", RuleProfiles.Aaa),
        Axe("color-contrast", "Text contrasts with its background at least as much as WCAG AA asks (4.5:1, or 3:1 for large text).", "文字と背景のコントラスト比が WCAG の AA の基準（4.5:1、大きな文字は 3:1）以上であること"),
        Axe("css-orientation-lock", "CSS does not lock the content to portrait or landscape orientation.", "CSS で表示を縦向きまたは横向きに固定していないこと", RuleProfiles.None),
        Axe("definition-list", "<dl> elements contain only properly grouped <dt> and <dd> elements (and <div>, <script> or <template>).", "<dl> 要素の中身が、正しく組になった <dt> と <dd>（と <div>、<script>、<template>）だけであること"),
        Axe("dlitem", "<dt> and <dd> elements are inside a <dl>.", "<dt> と <dd> 要素が <dl> の中にあること"),
        Axe("document-title", "The document has a <title> element that is not empty.", "文書に空でない <title> 要素があること"),
        Axe("duplicate-id-active", "No two focusable elements share an id value.", "フォーカスを受け取る要素どうしで id の値が重複していないこと", RuleProfiles.None),
        Axe("duplicate-id-aria", "Every id that ARIA attributes or labels refer to is unique.", "ARIA 属性や label から参照される id の値が重複していないこと"),
        Axe("duplicate-id", "No two elements share an id value.", "id 属性の値が重複していないこと", RuleProfiles.None),
        Axe("empty-heading", "Every heading has text that assistive technology can read out.", "見出しに、支援技術が読み上げられるテキストがあること", RuleProfiles.BestPractice),
        Axe("empty-table-header", "Every table header cell has text that assistive technology can read out.", "表の見出しセルに、支援技術が読み上げられるテキストがあること", RuleProfiles.BestPractice),
        Axe("focus-order-semantics", "Elements in the focus order have a role that suits interactive content.", "フォーカス順序に含まれる要素が、操作できる部品にふさわしいロールを持っていること", RuleProfiles.None),
        Axe("form-field-multiple-labels", "No form field has more than one <label> element.", "フォーム項目に複数の <label> 要素が付いていないこと"),
        Axe("frame-focusable-content", "Frames with focusable content are not taken out of the tab order with tabindex=\"-1\".", "フォーカスを受け取る内容を持つ <frame> や <iframe> に tabindex=\"-1\" が付いていないこと"),
        Axe("frame-tested", "axe-core could check inside every frame; a frame it could not check needs a person to review it.", "すべてのフレームの中を axe-core で検査できたこと（検査できなかったフレームは人の確認が必要）", RuleProfiles.BestPractice),
        Axe("frame-title-unique", "No two <frame> or <iframe> elements share a title.", "<frame> や <iframe> のタイトルがフレームどうしで重複していないこと"),
        Axe("frame-title", "Every <frame> and <iframe> has an accessible name, such as a title attribute.", "<frame> と <iframe> に、title 属性などのアクセシブルな名前があること"),
        Axe("heading-order", "Heading levels go down only one step at a time, e.g. no h4 straight after an h2.", "見出しレベルが一段ずつ深くなっていること（h2 の次にいきなり h4 にならないなど）", RuleProfiles.BestPractice),
        Axe("hidden-content", "Reports content hidden from view so that a person can review it; not a failure in itself.", "非表示の内容を人が確認できるように知らせるもの（それ自体は問題ではない）", RuleProfiles.None),
        Axe("html-has-lang", "The <html> element has a lang attribute.", "<html> 要素に lang 属性があること"),
        Axe("html-lang-valid", "The lang attribute of <html> holds a valid language tag.", "<html> 要素の lang 属性の値が有効な言語タグであること"),
        Axe("html-xml-lang-mismatch", "When <html> has both lang and xml:lang, both name the same base language.", "<html> 要素に lang と xml:lang の両方がある場合、主言語が一致していること"),
        Axe("identical-links-same-purpose", "Links with the same accessible name lead to the same or an equivalent destination.", "アクセシブルな名前が同じリンクが、同じか同等の行き先を指していること", RuleProfiles.Aaa),
        Axe("image-alt", "Every <img> has an alt attribute (empty for decorative images) or the role none or presentation.", "<img> 要素に alt 属性（装飾画像なら空）があるか、role が none または presentation であること"),
        Axe("image-redundant-alt", "An image's alternative text does not merely repeat the text next to it.", "画像の代替テキストが、すぐそばのテキストの繰り返しになっていないこと", RuleProfiles.BestPractice),
        Axe("input-button-name", "Input buttons (type button, submit and reset) have text that says what they do.", "input 要素のボタン（type が button、submit、reset）に、働きがわかるテキストがあること"),
        Axe("input-image-alt", "<input type=\"image\"> elements have alternative text.", "<input type=\"image\"> 要素に代替テキストがあること"),
        Axe("label-content-name-mismatch", "Controls named by their visible text keep that text in their accessible name.", "表示テキストで名前が決まる部品で、アクセシブルな名前に表示テキストが含まれていること"),
        Axe("label-title-only", "Form fields have a visible label, not just a title attribute, aria-describedby or a hidden label.", "フォーム項目に見えるラベルがあり、title 属性や aria-describedby、隠れたラベルだけに頼っていないこと", RuleProfiles.BestPractice),
        Axe("label", "Every form field has a label.", "フォーム項目にラベルがあること"),
        Axe("landmark-banner-is-top-level", "The banner landmark is not inside another landmark.", "banner ランドマークが他のランドマークの中にないこと", RuleProfiles.BestPractice),
        Axe("landmark-complementary-is-top-level", "The complementary landmark (<aside>) is not inside another landmark.", "complementary ランドマーク（<aside>）が他のランドマークの中にないこと", RuleProfiles.None),
        Axe("landmark-contentinfo-is-top-level", "The contentinfo landmark is not inside another landmark.", "contentinfo ランドマークが他のランドマークの中にないこと", RuleProfiles.BestPractice),
        Axe("landmark-main-is-top-level", "The main landmark is not inside another landmark.", "main ランドマークが他のランドマークの中にないこと", RuleProfiles.BestPractice),
        Axe("landmark-no-duplicate-banner", "The page has at most one banner landmark.", "banner ランドマークが1つまでであること", RuleProfiles.BestPractice),
        Axe("landmark-no-duplicate-contentinfo", "The page has at most one contentinfo landmark.", "contentinfo ランドマークが1つまでであること", RuleProfiles.BestPractice),
        Axe("landmark-no-duplicate-main", "The page has at most one main landmark.", "main ランドマークが1つまでであること", RuleProfiles.BestPractice),
        Axe("landmark-one-main", "The page has a main landmark.", "main ランドマークがあること", RuleProfiles.BestPractice),
        Axe("landmark-unique", "Landmarks of the same kind have names that tell them apart.", "同じ種類のランドマークどうしが名前で区別できること", RuleProfiles.BestPractice),
        Axe("link-in-text-block", "Links within running text stand out from the text around them by more than colour alone.", "文中のリンクが、色だけに頼らずに周りのテキストと区別できること"),
        Axe("link-name", "Every link has text or another accessible name.", "リンクに、テキストまたはアクセシブルな名前があること"),
        Axe("list", "<ul> and <ol> have only <li>, <script> or <template> elements as direct children.", "<ul> と <ol> の直下が <li>（または <script>、<template>）だけであること"),
        Axe("listitem", "<li> elements are inside a <ul> or <ol>.", "<li> 要素が <ul> または <ol> の中にあること"),
        Axe("marquee", "The page uses no <marquee> elements.", "<marquee> 要素を使っていないこと"),
        Axe("meta-refresh-no-exceptions", "<meta http-equiv=\"refresh\"> does not reload or redirect the page even after a long delay; the AAA counterpart of meta-refresh.", "<meta http-equiv=\"refresh\"> で、長い待ち時間の後でもページを再読み込みや転送をしていないこと（meta-refresh の AAA 版）", RuleProfiles.Aaa),
        Axe("meta-refresh", "<meta http-equiv=\"refresh\"> does not reload or redirect the page after a delay (delays of 20 hours or more are allowed).", "<meta http-equiv=\"refresh\"> で、時間をおいてページを再読み込みや転送をしていないこと（20時間以上の待ち時間は許容）"),
        Axe("meta-viewport-large", "The viewport meta tag lets users zoom to at least 500%.", "viewport の meta 要素が 500% 以上の拡大を許していること", RuleProfiles.BestPractice),
        Axe("meta-viewport", "The viewport meta tag does not disable zooming (user-scalable=no or a maximum-scale below 2).", "viewport の meta 要素で拡大を無効にしていないこと（user-scalable=no や 2 未満の maximum-scale）"),
        Axe("nested-interactive", "Interactive controls contain no other interactive controls, such as a link inside a button.", "操作できる部品の中に、別の操作できる部品（ボタンの中のリンクなど）を入れていないこと"),
        Axe("no-autoplay-audio", "Audio or video that plays sound on its own for more than 3 seconds can be paused or muted.", "3秒を超えて自動で流れる音声を、停止または消音できること"),
        Axe("object-alt", "<object> elements have alternative text.", "<object> 要素に代替テキストがあること"),
        Axe("p-as-heading", "No paragraph is styled with bold, italics or a large font to look like a heading.", "太字・斜体・大きな文字で見出しのように見せた段落（<p>）がないこと", RuleProfiles.None),
        Axe("page-has-heading-one", "The page, or one of its frames, has a level-one heading.", "ページ（またはそのフレームのいずれか）に見出しレベル1があること", RuleProfiles.BestPractice),
        Axe("presentation-role-conflict", "Elements marked as presentational (role none or presentation, or alt=\"\") are not focusable and have no global ARIA attribute, either of which would undo the marking.", "装飾として示した要素（role が none や presentation、または alt=\"\"）がフォーカスを受け取らず、その指定を打ち消すグローバルな ARIA 属性も持たないこと", RuleProfiles.BestPractice),
        Axe("region", "All content of the page is inside a landmark.", "ページの内容がすべて、いずれかのランドマークの中にあること", RuleProfiles.BestPractice),
        Axe("role-img-alt", "Elements with role=\"img\" have alternative text.", "role=\"img\" の要素に代替テキストがあること"),
        Axe("scope-attr-valid", "The scope attribute is used only on table header cells, with the value row, col, rowgroup or colgroup.", "scope 属性が表の見出しセルだけに付き、値が row、col、rowgroup、colgroup のいずれかであること", RuleProfiles.BestPractice),
        Axe("scrollable-region-focusable", "Regions that scroll can be reached and scrolled with the keyboard.", "スクロールする領域にキーボードで移動し、スクロールできること"),
        Axe("select-name", "Every <select> has an accessible name.", "<select> 要素にアクセシブルな名前があること"),
        Axe("server-side-image-map", "The page uses no server-side image maps.", "サーバーサイドのイメージマップを使っていないこと"),
        Axe("skip-link", "Every skip link leads to a target that exists and can take focus.", "スキップリンクの行き先が存在し、フォーカスを受け取れること", RuleProfiles.BestPractice),
        Axe("summary-name", "Every <summary> element has text that says what it opens.", "<summary> 要素に、開く内容がわかるテキストがあること"),
        Axe("svg-img-alt", "<svg> elements with an image role (img, graphics-document, graphics-symbol) have alternative text.", "画像のロール（img、graphics-document、graphics-symbol）を持つ <svg> 要素に代替テキストがあること"),
        Axe("tabindex", "No element has a tabindex greater than 0.", "tabindex に 0 より大きい値を使っていないこと", RuleProfiles.BestPractice),
        Axe("table-duplicate-name", "A table's <caption> does not repeat its summary attribute.", "表の <caption> が summary 属性と同じ文になっていないこと", RuleProfiles.BestPractice),
        Axe("table-fake-caption", "Tables give their caption in a <caption> element, not in a cell styled to look like one.", "表の表題を、表題風のセルではなく <caption> 要素で示していること", RuleProfiles.None),
        Axe("target-size", "Pointer targets are at least 24 by 24 CSS pixels or have enough space around them.", "クリックやタッチの対象が 24×24 CSS ピクセル以上か、周りに十分な間隔があること", RuleProfiles.Wcag22aa),
        Axe("td-has-header", "In data tables larger than 3 by 3, every non-empty data cell has at least one header.", "3×3 より大きいデータ表で、空でないデータセルそれぞれに見出しがあること", RuleProfiles.None),
        Axe("td-headers-attr", "Cells that use the headers attribute refer only to other cells of the same table.", "headers 属性を使うセルが、同じ表の他のセルだけを参照していること"),
        Axe("th-has-data-cells", "Every header cell (th, columnheader, rowheader) has data cells that it describes.", "見出しセル（th、columnheader、rowheader）に、それが説明するデータセルがあること"),
        Axe("valid-lang", "lang attributes on elements within the page hold valid language tags.", "ページ内の要素の lang 属性の値が有効な言語タグであること"),
        Axe("video-caption", "<video> elements have captions.", "<video> 要素にキャプションがあること"),

        Own(PageHttpStatus, RuleCategory.Page, "The page answers with a success status, not an HTTP error (4xx or 5xx).", "ページが HTTP エラー（4xx・5xx）ではなく正常なステータスで応答すること"),
        Own(PageRedirectChain, RuleCategory.Page, "The page is reached with at most one redirect and without a redirect loop.", "ページにたどり着くまでのリダイレクトが1回以内で、ループしていないこと"),
        Own(PageNavigationError, RuleCategory.Page, "The page can be loaded: no timeout, no exceeded scan budget or size limit, no browser crash, nothing blocked.", "ページを読み込めること（タイムアウト、スキャンの予算やサイズ上限の超過、ブラウザーの異常終了、遮断がないこと）"),
        Own(PageTitle, RuleCategory.Page, "The page has a title that is not empty.", "ページに空でないタイトルがあること"),
        Own(PageTitleDuplicate, RuleCategory.Page, "The page's title differs from the titles of the other scanned pages.", "ページのタイトルが、スキャンした他のページのタイトルと重複していないこと"),
        Own(PageLang, RuleCategory.Page, "The <html> element has a lang attribute.", "<html> 要素に lang 属性があること"),
        Own(PageLangMismatch, RuleCategory.Page, "The lang attribute fits the language of the page's text, e.g. not lang=\"en\" on Japanese text.", "lang 属性が本文の言語に合っていること（日本語の本文に lang=\"en\" となっていないなど）"),
        Own(PageViewport, RuleCategory.Page, "The page has a responsive viewport meta tag that does not block zooming.", "レスポンシブ表示用の viewport の meta 要素があり、拡大を妨げていないこと"),
        Own(PageDescription, RuleCategory.Page, "The page has a meta description that is not empty.", "ページに空でない meta description があること"),
        Own(PageHreflang, RuleCategory.Page, "hreflang alternate links are present, valid and point back to each other.", "hreflang の代替リンクがあり、値が正しく、互いに参照し合っていること"),
        Own(PageWeight, RuleCategory.Page, "The bytes transferred to load the page stay within the threshold.", "ページの読み込みで転送したバイト数が閾値以内であること"),
        Own(PageRequestCount, RuleCategory.Page, "The number of requests made to load the page stays within the threshold.", "ページの読み込みで発生したリクエスト数が閾値以内であること"),
        Own(PageMixedContent, RuleCategory.Page, "An HTTPS page loads no subresources over plain HTTP.", "HTTPS のページが、HTTP でサブリソースを読み込んでいないこと"),
        Own(PageBrokenLink, RuleCategory.Page, "Every link on the page leads to a page that can be reached and does not answer 4xx or 5xx.", "ページ内のリンク先に到達でき、4xx・5xx を返さないこと"),
        Own(PageLinkUnverifiable, RuleCategory.Page, "Every link on the page could be checked; a link whose host name does not resolve (DNS) cannot be, and is listed for a person to check.", "ページ内のリンクをすべて確認できたこと（ホスト名を名前解決（DNS）できなかったリンクは確認できないため、人が確認するよう一覧にする）"),

        Own(SecurityHttps, RuleCategory.Security, "The page is served over HTTPS, and its HTTP address redirects to HTTPS.", "ページが HTTPS で提供され、HTTP でのアクセスが HTTPS へ転送されること"),
        Own(SecurityHsts, RuleCategory.Security, "The Strict-Transport-Security (HSTS) header is sent.", "Strict-Transport-Security（HSTS）ヘッダーがあること"),
        Own(SecurityHstsMaxAge, RuleCategory.Security, "The HSTS max-age is at least one year.", "HSTS の max-age が1年以上であること"),
        Own(SecurityHstsSubdomains, RuleCategory.Security, "The HSTS header includes includeSubDomains.", "HSTS ヘッダーに includeSubDomains があること"),
        Own(SecurityCsp, RuleCategory.Security, "A Content-Security-Policy header is sent.", "Content-Security-Policy ヘッダーがあること"),
        Own(SecurityCspUnsafeInline, RuleCategory.Security, "The Content-Security-Policy does not allow 'unsafe-inline' scripts.", "Content-Security-Policy がスクリプトの 'unsafe-inline' を許可していないこと"),
        Own(SecurityXContentTypeOptions, RuleCategory.Security, "The header X-Content-Type-Options: nosniff is sent.", "X-Content-Type-Options: nosniff ヘッダーがあること"),
        Own(SecurityFrameAncestors, RuleCategory.Security, "CSP frame-ancestors or X-Frame-Options controls which sites may embed the page.", "CSP の frame-ancestors または X-Frame-Options で、ページを埋め込めるサイトを制限していること"),
        Own(SecurityReferrerPolicy, RuleCategory.Security, "A Referrer-Policy is set, and it is not unsafe-url.", "Referrer-Policy が設定され、unsafe-url ではないこと"),
        Own(SecurityPermissionsPolicy, RuleCategory.Security, "A Permissions-Policy header is sent.", "Permissions-Policy ヘッダーがあること"),
        Own(SecurityCookieSecure, RuleCategory.Security, "On an HTTPS site, every cookie has the Secure attribute.", "HTTPS のサイトで、Cookie に Secure 属性があること"),
        Own(SecurityCookieHttpOnly, RuleCategory.Security, "Cookies that look like session cookies have the HttpOnly attribute.", "セッション用とみられる Cookie に HttpOnly 属性があること"),
        Own(SecurityCookieSameSite, RuleCategory.Security, "Every cookie has a SameSite attribute.", "Cookie に SameSite 属性があること"),
        Own(SecurityTlsVersion, RuleCategory.Security, "The connection uses TLS 1.2 or later.", "接続に TLS 1.2 以上を使っていること"),
        Own(SecurityCertificateExpiry, RuleCategory.Security, "The TLS certificate does not expire within the warning period (parameter security.certificate-warning-days).", "TLS 証明書の有効期限まで、警告日数（パラメーター security.certificate-warning-days）より長く残っていること"),
        Own(SecuritySecurityTxt, RuleCategory.Security, "/.well-known/security.txt exists and is valid (RFC 9116).", "/.well-known/security.txt があり、RFC 9116 に沿っていること"),
        Own(SecurityBlockedRequest, RuleCategory.Security, "The page makes no request that the scanner's SSRF guard has to block.", "ページが、スキャナーの SSRF 対策が遮断するリクエストを送っていないこと"),

        Own(PerformanceTtfb, RuleCategory.Performance, "Time to first byte (TTFB) stays within the threshold.", "最初の1バイトを受け取るまでの時間（TTFB）が閾値以内であること"),
        Own(PerformanceFcp, RuleCategory.Performance, "First contentful paint (FCP) stays within the threshold.", "最初のコンテンツが描画されるまでの時間（FCP）が閾値以内であること"),
        Own(PerformanceLcp, RuleCategory.Performance, "Largest contentful paint (LCP) stays within the threshold.", "最大のコンテンツが描画されるまでの時間（LCP）が閾値以内であること"),
        Own(PerformanceCls, RuleCategory.Performance, "Cumulative layout shift (CLS) stays within the threshold.", "レイアウトのずれの累積（CLS）が閾値以内であること"),
        Own(PerformanceDomContentLoaded, RuleCategory.Performance, "Time until the DOMContentLoaded event, recorded as a measurement.", "DOMContentLoaded イベントまでの時間（計測値として記録）"),
        Own(PerformanceLoad, RuleCategory.Performance, "Time until the load event, recorded as a measurement.", "load イベントまでの時間（計測値として記録）"),
    ]);

    private static readonly FrozenDictionary<string, ScannerRule> ById =
        All.ToFrozenDictionary(rule => rule.Id, StringComparer.Ordinal);

    /// <summary>Whether the scanner can report <paramref name="id"/>; ids are compared ordinally and case-sensitively.</summary>
    /// <param name="id">A rule id such as <c>image-alt</c> or <c>page.title</c>.</param>
    public static bool IsKnown(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.ContainsKey(id);
    }

    /// <summary>The rule with the id <paramref name="id"/> (ordinal, case-sensitive), or <see langword="null"/> when there is none.</summary>
    /// <param name="id">A rule id such as <c>image-alt</c> or <c>page.title</c>.</param>
    public static ScannerRule? Find(string id)
    {
        ArgumentNullException.ThrowIfNull(id);
        return ById.GetValueOrDefault(id);
    }

    /// <summary>An axe-core rule; without <paramref name="profiles"/>, one of WCAG 2.0 or 2.1 A or AA, which both WCAG profiles run.</summary>
    private static ScannerRule Axe(string id, string description, string descriptionJa, RuleProfiles profiles = RuleProfiles.Wcag2aa | RuleProfiles.Wcag22aa) =>
        new(id, RuleCategory.Accessibility, description, descriptionJa) { Profiles = profiles };

    private static ScannerRule Own(string id, RuleCategory category, string description, string descriptionJa) =>
        new(id, category, description, descriptionJa);
}
