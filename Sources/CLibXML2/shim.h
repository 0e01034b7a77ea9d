#ifndef NEWSEVENTS_CLIBXML2_SHIM_H
#define NEWSEVENTS_CLIBXML2_SHIM_H

// Debian's libxml2 is built with ICU, and <libxml/encoding.h> would pull in the system ICU headers, which
// clash with the ICU module that Foundation ships on Linux ("'UErrorCode' has different definitions").
// Nothing in this project needs the ICU-only fields of the encoding handler, so hide them.
#include <libxml/xmlversion.h>
#undef LIBXML_ICU_ENABLED

#include <libxml/HTMLparser.h>
#include <libxml/HTMLtree.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/xmlerror.h>

/// `xmlFree` is a global function pointer, which Swift 6 rejects as shared mutable state.
static inline void newsevents_xmlFree(void *pointer) {
    xmlFree(pointer);
}

/// The option mask for HTML parsing: recover from errors, never touch the network, stay silent, and lift the
/// 256-deep and 10 MB-text-node limits (the project enforces its own budgets before and after parsing).
static inline int newsevents_htmlParseOptions(void) {
    return HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
        | HTML_PARSE_COMPACT | XML_PARSE_HUGE;
}

/// The option mask for XML (feeds): no entity substitution, no DTD loading or attribute defaults, no
/// XInclude, no network, silent, recovering.
static inline int newsevents_xmlParseOptions(void) {
    return XML_PARSE_RECOVER | XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_NOCDATA
        | XML_PARSE_COMPACT;
}

#endif
