// The parse floor in C, as issue 23 defines it: every page of a folder (*.html, read into memory first) parsed
// with htmlReadMemory (explicit UTF-8, RECOVER|NOERROR|NOWARNING|NONET), its tree walked for the text outside
// script and style, and freed; ROUNDS times over. Prints CPU time per page, pages/s and MB/s. It checks that
// `newsevents-bench pipeline`'s in-process floor (the same work through the project's LibXML wrapper) is the
// floor and not something slower: scripts/bench/pipeline.sh runs both.
//   cc -O2 parse-floor.c $(xml2-config --cflags --libs) -o parse-floor && ./parse-floor DIR [ROUNDS]
#include <dirent.h>
#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static size_t walk(xmlNodePtr node) {
    size_t total = 0;
    for (; node; node = node->next) {
        if (node->type == XML_TEXT_NODE || node->type == XML_CDATA_SECTION_NODE) {
            if (node->content) total += strlen((const char *)node->content);
        } else if (node->type == XML_ELEMENT_NODE && strcmp((const char *)node->name, "script") != 0
                   && strcmp((const char *)node->name, "style") != 0) {
            total += walk(node->children);
        }
    }
    return total;
}

int main(int argc, char **argv) {
    if (argc < 2) {
        fprintf(stderr, "usage: parse-floor DIR [ROUNDS]\n");
        return 64;
    }
    int rounds = argc > 2 ? atoi(argv[2]) : 5;
    xmlInitParser();
    DIR *folder = opendir(argv[1]);
    if (!folder) {
        perror(argv[1]);
        return 2;
    }
    char **pages = NULL;
    size_t *sizes = NULL, count = 0, bytes = 0;
    struct dirent *entry;
    while ((entry = readdir(folder))) {
        size_t length = strlen(entry->d_name);
        if (length < 5 || strcmp(entry->d_name + length - 5, ".html") != 0) continue;
        char path[4096];
        snprintf(path, sizeof path, "%s/%s", argv[1], entry->d_name);
        FILE *file = fopen(path, "rb");
        if (!file) continue;
        fseek(file, 0, SEEK_END);
        long size = ftell(file);
        rewind(file);
        pages = realloc(pages, (count + 1) * sizeof *pages);
        sizes = realloc(sizes, (count + 1) * sizeof *sizes);
        pages[count] = malloc(size > 0 ? size : 1);
        sizes[count] = fread(pages[count], 1, size, file);
        bytes += sizes[count++];
        fclose(file);
    }
    closedir(folder);
    if (count == 0) {
        fprintf(stderr, "parse-floor: no .html files in %s\n", argv[1]);
        return 2;
    }
    size_t text = 0;
    struct timespec start, end;
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &start);
    for (int round = 0; round < rounds; round++) {
        for (size_t index = 0; index < count; index++) {
            htmlDocPtr document = htmlReadMemory(pages[index], (int)sizes[index], NULL, "UTF-8",
                                                 HTML_PARSE_RECOVER | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING
                                                     | HTML_PARSE_NONET);
            if (!document) continue;
            text += walk(document->children);
            xmlFreeDoc(document);
        }
    }
    clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &end);
    double seconds = (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9;
    double done = (double)count * rounds;
    printf("C parse floor (htmlReadMemory + text walk, libxml2 %s): %zu pages, %.3f ms/page, %.0f pages/s, "
           "%.1f MB/s, text bytes per round %zu\n",
           xmlParserVersion, count, seconds * 1000 / done, done / seconds, (double)bytes * rounds / 1048576 / seconds,
           text / rounds);
    return 0;
}
